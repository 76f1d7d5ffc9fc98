package dev.frostline.realtime.socket;

import io.netty.buffer.Unpooled;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.lang.reflect.Method;

/**
 * The fastest way to a connection's socket that this Quarkus offers. websockets-next only takes text
 * frames as a {@code String}, which Vert.x encodes anew for every socket, and answers each with a Uni
 * (and a captured context): per frame and per socket that was most of the fan-out's CPU and garbage. Its
 * connection keeps the Vert.x WebSocket behind a package-private accessor; when that is there, frames are
 * written straight to it with the bytes encoded once for all sockets. When a Quarkus upgrade takes it
 * away, frames go through websockets-next again (logged once): slower, never wrong.
 */
final class FrameSinks {

    private static final Method WEB_SOCKET = webSocketAccessor();

    private FrameSinks() {
    }

    /** Whether frames skip websockets-next here; false means the fallback (and a Quarkus change to look at). */
    static boolean writeDirectly() {
        return WEB_SOCKET != null;
    }

    static FrameSink of(WebSocketConnection connection) {
        WebSocketBase socket = webSocketOf(connection);
        if (socket == null) {
            return (frame, written) -> connection.sendText(frame.text()).subscribe().with(
                    ignored -> written.handle(Future.succeededFuture()),
                    failure -> written.handle(Future.failedFuture(failure)));
        }
        // The bytes are wrapped, not copied: Netty only reads them (a server does not mask its frames).
        return (frame, written) -> socket.writeFrame(
                new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(frame.utf8()), true))
                .onComplete(written);
    }

    private static WebSocketBase webSocketOf(WebSocketConnection connection) {
        if (WEB_SOCKET == null || !WEB_SOCKET.getDeclaringClass().isInstance(connection)) {
            return null;
        }
        try {
            return (WebSocketBase) WEB_SOCKET.invoke(connection);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Method webSocketAccessor() {
        try {
            Method accessor = Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase")
                    .getDeclaredMethod("webSocket");
            if (!WebSocketBase.class.isAssignableFrom(accessor.getReturnType())) {
                throw new NoSuchMethodException("webSocket() returns " + accessor.getReturnType().getName());
            }
            accessor.setAccessible(true);
            return accessor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("realtime frames go through websockets-next's sendText, encoded per socket: the Vert.x "
                    + "WebSocket of a connection is not reachable in this Quarkus (%s)", e.toString());
            return null;
        }
    }
}
