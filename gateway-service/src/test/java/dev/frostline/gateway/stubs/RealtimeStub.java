package dev.frostline.gateway.stubs;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * realtime-service's stand-in. Accepts /ws only with a token (Authorization header or the
 * subprotocol carrier, as Quarkus does), selects {@code bearer-token-carrier}, then: greets with
 * what the handshake carried, echoes text as "echo:..." and binary as is, closes with code and
 * reason on "close:code:reason", and remembers how the last client closed ({@code GET /stub/last-close}).
 */
final class RealtimeStub {

    static final String SUBPROTOCOL = "bearer-token-carrier";

    private final AtomicReference<String> lastClose = new AtomicReference<>("none");

    void accept(ServerWebSocket ws) {
        String authorization = ws.headers().get("Authorization");
        String protocols = ws.headers().get("Sec-WebSocket-Protocol");
        boolean carriesToken = protocols != null && protocols.contains("quarkus-http-upgrade");
        if (!ws.path().equals("/ws") || (authorization == null && !carriesToken)) {
            ws.reject(401);
            return;
        }
        ws.accept();
        ws.writeTextMessage(new JsonObject()
                .put("authorization", authorization)
                .put("protocols", protocols)
                .put("query", ws.query())
                .put("requestId", ws.headers().get("X-Request-Id"))
                .put("forwardedFor", ws.headers().get("X-Forwarded-For"))
                .encode());
        ws.textMessageHandler(text -> {
            if (text.startsWith("close:")) {
                String[] parts = text.split(":", 3);
                ws.close(Short.parseShort(parts[1]), parts[2]);
            } else {
                ws.writeTextMessage("echo:" + text);
            }
        });
        ws.binaryMessageHandler(ws::writeBinaryMessage);
        ws.closeHandler(closed -> lastClose.set(ws.closeStatusCode() + " " + ws.closeReason()));
    }

    void http(HttpServerRequest request) {
        if (request.path().equals("/stub/last-close")) {
            request.response().end(lastClose.get());
        } else {
            request.response().setStatusCode(404).end();
        }
    }
}
