package dev.frostline.gateway.proxy;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The gateway does not choose WebSocket subprotocols: realtime does. Accepting any ("*") lets
 * {@link WebSocketProxy} answer the client with exactly realtime's choice, by leaving only that one in
 * the request before upgrading it.
 */
@ApplicationScoped
public class WebSocketSubprotocols implements HttpServerOptionsCustomizer {

    static final String ANY = "*";

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setWebSocketSubProtocols(List.of(ANY));
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setWebSocketSubProtocols(List.of(ANY));
    }
}
