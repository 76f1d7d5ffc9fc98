package dev.frostline.realtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.channel.InvalidChannelException;
import dev.frostline.realtime.stream.EventId;

/**
 * Reads a client's text frame into a {@link ClientMessage}, or throws a {@link ProtocolException} that
 * names the subscription id whenever the message carried a usable one. Fields it does not know are
 * ignored, so a newer client keeps working against an older server.
 */
public final class ClientMessageParser {

    static final int MAX_ID_LENGTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientMessageParser() {
    }

    public static ClientMessage parse(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(null, ErrorCode.MALFORMED_MESSAGE, "not JSON");
        }
        if (message == null || !message.isObject() || !message.path("type").isTextual()) {
            throw new ProtocolException(null, ErrorCode.MALFORMED_MESSAGE, "expected a JSON object with a string type");
        }
        String type = message.get("type").asText();
        switch (type) {
            case "ping":
                return new ClientMessage.Ping();
            case "subscribe":
                return subscribe(message);
            case "unsubscribe":
                return new ClientMessage.Unsubscribe(id(message));
            default:
                throw new ProtocolException(null, ErrorCode.UNKNOWN_MESSAGE_TYPE,
                        "type must be subscribe, unsubscribe or ping");
        }
    }

    private static ClientMessage.Subscribe subscribe(JsonNode message) {
        String id = id(message);
        JsonNode channelNode = message.path("channel");
        if (!channelNode.isTextual()) {
            throw new ProtocolException(id, ErrorCode.INVALID_CHANNEL, "channel must be a string");
        }
        Channel channel;
        try {
            channel = Channel.parse(channelNode.asText());
        } catch (InvalidChannelException e) {
            throw new ProtocolException(id, ErrorCode.INVALID_CHANNEL, e.getMessage());
        }
        JsonNode last = message.path("lastEventId");
        if (last.isMissingNode() || last.isNull()) {
            return new ClientMessage.Subscribe(id, channel, null);
        }
        try {
            if (!last.isTextual()) {
                throw new IllegalArgumentException("not a string");
            }
            return new ClientMessage.Subscribe(id, channel, EventId.parse(last.asText()));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(id, ErrorCode.INVALID_LAST_EVENT_ID,
                    "lastEventId must be the eventId of a frame, e.g. r-3-1042");
        }
    }

    private static String id(JsonNode message) {
        JsonNode id = message.path("id");
        if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > MAX_ID_LENGTH) {
            throw new ProtocolException(null, ErrorCode.INVALID_SUBSCRIPTION_ID,
                    "id must be a string of 1 to " + MAX_ID_LENGTH + " characters");
        }
        return id.asText();
    }
}
