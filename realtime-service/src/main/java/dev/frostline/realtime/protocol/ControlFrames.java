package dev.frostline.realtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.UUID;

/** The frames the server sends besides events ({@link dev.frostline.realtime.fanout.EventFrame}), as JSON. */
public final class ControlFrames {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OutboundFrame PONG = write(new Pong("pong"));

    private ControlFrames() {
    }

    /** Sent once on open: who the connection is for. Nothing else arrives until the client subscribes. */
    public static OutboundFrame welcome(UUID orgId, UUID userId) {
        return write(new Welcome("welcome", orgId, userId));
    }

    /** A subscribe (after its replay, if any, was planned) or an unsubscribe took effect. */
    public static OutboundFrame ack(String id) {
        return write(new Ack("ack", id));
    }

    public static OutboundFrame error(String id, ErrorCode code, String message) {
        return write(new ErrorFrame("error", id, code.wireName(), message));
    }

    public static OutboundFrame error(ProtocolException failure) {
        return error(failure.subscriptionId(), failure.code(), failure.getMessage());
    }

    public static OutboundFrame pong() {
        return PONG;
    }

    private static OutboundFrame write(Object frame) {
        try {
            return OutboundFrame.ofUtf8(JSON.writeValueAsBytes(frame));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Welcome(String type, UUID orgId, UUID userId) {
    }

    record Ack(String type, String id) {
    }

    record ErrorFrame(String type, String id, String code, String message) {
    }

    record Pong(String type) {
    }
}
