package dev.frostline.gateway.proxy;

import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrame;

/**
 * Joins two open WebSockets: data frames cross one to one (text stays text, fragments stay
 * fragments), a close on either side closes the other with the same code and reason, and a full
 * write queue pauses the reading side until it drains.
 */
final class WebSocketRelay {

    /** 1005 (no status) and 1006 (dropped) are reported locally and may not be sent in a close frame. */
    private static final short GOING_AWAY = 1001;
    private static final short NO_STATUS = 1005;
    private static final short ABNORMAL = 1006;
    private static final short TLS_FAILURE = 1015;

    private WebSocketRelay() {
    }

    static void join(WebSocketBase client, WebSocketBase upstream, String requestId, Runnable onClientClosed) {
        relay(client, upstream);
        relay(upstream, client);
        client.closeHandler(closed -> {
            AccessLog.webSocket("client-side-closed", "/ws", requestId, "code=" + client.closeStatusCode());
            closeLike(client, upstream);
            onClientClosed.run();
        });
        upstream.closeHandler(closed -> {
            AccessLog.webSocket("realtime-side-closed", "/ws", requestId, "code=" + upstream.closeStatusCode());
            closeLike(upstream, client);
        });
        upstream.resume();
    }

    private static void relay(WebSocketBase from, WebSocketBase to) {
        from.frameHandler(frame -> {
            WebSocketFrame data = dataFrame(frame);
            if (data == null || to.isClosed()) {
                return;
            }
            to.writeFrame(data);
            if (to.writeQueueFull()) {
                from.pause();
                to.drainHandler(drained -> from.resume());
            }
        });
        from.exceptionHandler(failure -> {
            if (!to.isClosed()) {
                to.close((short) 1011, "relay failed");
            }
        });
    }

    /**
     * Data frames are passed on as received (Vert.x hands them over as unpooled copies), so a text
     * message split across fragments is never decoded half-way. Ping, pong and close are per
     * connection: Vert.x answers them on each side itself.
     */
    private static WebSocketFrame dataFrame(WebSocketFrame frame) {
        return frame.isText() || frame.isBinary() || frame.isContinuation() ? frame : null;
    }

    private static void closeLike(WebSocketBase closed, WebSocketBase other) {
        if (other.isClosed()) {
            return;
        }
        Short code = closed.closeStatusCode();
        if (code == null || code == NO_STATUS || code == ABNORMAL || code == TLS_FAILURE) {
            other.close(GOING_AWAY, "peer connection ended");
        } else {
            other.close(code, closed.closeReason());
        }
    }
}
