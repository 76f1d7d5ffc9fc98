package dev.frostline.realtime.socket;

import java.util.UUID;

/** The frames the server sends besides events ({@link dev.frostline.realtime.fanout.EventFrame}). */
final class ServerFrames {

    private ServerFrames() {
    }

    /** Sent once on open: the client is live and receives its org's events from now on. */
    record Welcome(String type, UUID orgId, UUID userId) {
        Welcome(UUID orgId, UUID userId) {
            this("welcome", orgId, userId);
        }
    }

    /** The answer to a client's {@code {"type":"ping"}}. */
    record Pong(String type) {
        Pong() {
            this("pong");
        }
    }
}
