package dev.frostline.realtime.socket;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A test WebSocket client of /ws that keeps every frame it receives, parsed. */
final class FrameCollector implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private WebSocketClientConnection connection;

    private FrameCollector() {
    }

    /** Connects as a non-browser client does: the token in the Authorization header. */
    static FrameCollector withHeader(URI base, String token) {
        return connect(connector(base).addHeader("Authorization", "Bearer " + token));
    }

    /** Connects as a browser does: the token in the Sec-WebSocket-Protocol header. */
    static FrameCollector withSubprotocol(URI base, String token) {
        return connect(connector(base)
                .addSubprotocol("bearer-token-carrier")
                .addSubprotocol("quarkus-http-upgrade#Authorization#Bearer%20" + token));
    }

    static BasicWebSocketConnector connector(URI base) {
        // On the event loop, one frame after the other: the default (blocking) model runs the callbacks on
        // worker threads, which can record frames in another order than the server sent them.
        return BasicWebSocketConnector.create().baseUri(base).path("/ws")
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING);
    }

    static FrameCollector connect(BasicWebSocketConnector connector) {
        FrameCollector collector = new FrameCollector();
        collector.connection = connector
                .onTextMessage((connection, text) -> collector.frames.add(parse(text)))
                .connectAndAwait();
        return collector;
    }

    WebSocketClientConnection connection() {
        return connection;
    }

    JsonNode awaitFrame(Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> frames.stream().anyMatch(matching));
        return frames.stream().filter(matching).findFirst().orElseThrow();
    }

    JsonNode awaitWelcome() {
        return awaitFrame(frame -> "welcome".equals(frame.path("type").asText()));
    }

    /** Subscribes with the channel name as subscription id, and waits for the ack. */
    FrameCollector subscribed(String channel) {
        send(subscribe(channel, channel, null));
        awaitAck(channel);
        return this;
    }

    static String subscribe(String id, String channel, String lastEventId) {
        ObjectNode message = MAPPER.createObjectNode().put("type", "subscribe").put("id", id).put("channel", channel);
        if (lastEventId != null) {
            message.put("lastEventId", lastEventId);
        }
        return message.toString();
    }

    JsonNode awaitAck(String id) {
        return awaitFrame(frame -> "ack".equals(frame.path("type").asText()) && id.equals(frame.path("id").asText()));
    }

    JsonNode awaitError(String id) {
        return awaitFrame(frame -> "error".equals(frame.path("type").asText()) && id.equals(frame.path("id").asText()));
    }

    /** The event frames of one channel, in arrival order. */
    List<JsonNode> eventsOf(String channel) {
        return frames.stream().filter(frame -> "event".equals(frame.path("type").asText())
                && channel.equals(frame.path("channel").asText())).toList();
    }

    /** Whether any event frame of this type (reading.recorded, ...) arrived. */
    boolean hasEventOfType(String eventType) {
        return frames.stream().anyMatch(frame -> "event".equals(frame.path("type").asText())
                && eventType.equals(frame.path("eventType").asText()));
    }

    /** Whether an event frame carries the event with this UUID (the event's own ID, in data). */
    boolean hasEvent(UUID eventId) {
        return frames.stream().anyMatch(isEvent(eventId));
    }

    JsonNode awaitEvent(UUID eventId) {
        return awaitFrame(isEvent(eventId));
    }

    List<JsonNode> eventsWithId(UUID eventId) {
        return frames.stream().filter(isEvent(eventId)).toList();
    }

    boolean hasAnyEvent() {
        return frames.stream().anyMatch(frame -> "event".equals(frame.path("type").asText()));
    }

    static Predicate<JsonNode> isEvent(UUID eventId) {
        return frame -> "event".equals(frame.path("type").asText())
                && eventId.toString().equals(frame.path("data").path("eventId").asText());
    }

    void send(String text) {
        connection.sendTextAndAwait(text);
    }

    @Override
    public void close() {
        if (connection != null && connection.isOpen()) {
            connection.closeAndAwait();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
