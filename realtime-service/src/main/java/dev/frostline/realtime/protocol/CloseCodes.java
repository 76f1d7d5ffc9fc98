package dev.frostline.realtime.protocol;

import io.quarkus.websockets.next.CloseReason;

/** Why the server closes a socket; docs/realtime.md documents what a client should do for each. */
public final class CloseCodes {

    /** The server is stopping: reconnect (to another replica) at once, resuming with lastEventId. */
    public static final CloseReason GOING_AWAY = new CloseReason(1001, "server shutting down");
    /** The access token expired: refresh it, reconnect, resume. */
    public static final CloseReason TOKEN_EXPIRED = new CloseReason(4001, "token expired");
    /** Nothing came from the client (not even a pong) for the idle timeout: reconnect if still wanted. */
    public static final CloseReason IDLE_TIMEOUT = new CloseReason(4002, "idle timeout");
    /** The client read too slowly and its outbound buffer overflowed: reconnect and resume. */
    public static final CloseReason SLOW_CONSUMER = new CloseReason(4008, "slow consumer");

    private CloseCodes() {
    }
}
