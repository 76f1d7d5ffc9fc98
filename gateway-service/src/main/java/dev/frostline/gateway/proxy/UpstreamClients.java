package dev.frostline.gateway.proxy;

import dev.frostline.gateway.config.GatewayConfig;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * The one HTTP client every upstream call goes through (proxying, the JWKS, readiness probes), and
 * the WebSocket client of the /ws relay. Both pool per upstream host:port.
 */
@ApplicationScoped
public class UpstreamClients {

    private final HttpClient http;
    private final WebSocketClient webSockets;
    private final GatewayConfig config;

    public UpstreamClients(Vertx vertx, GatewayConfig config) {
        this.config = config;
        int connectTimeout = (int) config.timeouts().connect().toMillis();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setName("frostline-upstreams")
                .setConnectTimeout(connectTimeout)
                .setMaxPoolSize(config.maxConnectionsPerUpstream())
                .setKeepAlive(true)
                // Bodies pass through byte for byte, compressed or not.
                .setDecompressionSupported(false)
                .setTryUseCompression(false));
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setName("frostline-realtime")
                .setConnectTimeout(connectTimeout));
    }

    public HttpClient http() {
        return http;
    }

    public WebSocketClient webSockets() {
        return webSockets;
    }

    /** A request to {@code base} for {@code pathAndQuery}, with the configured connect timeout. */
    public RequestOptions request(URI base, String pathAndQuery) {
        return new RequestOptions()
                .setHost(base.getHost())
                .setPort(port(base))
                .setSsl(isTls(base))
                .setURI(basePath(base) + pathAndQuery)
                .setConnectTimeout(config.timeouts().connect().toMillis());
    }

    /** A GET of a full URL (the JWKS), bounded by the connect and response timeouts. */
    public RequestOptions absolute(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return new RequestOptions()
                .setHost(url.getHost())
                .setPort(port(url))
                .setSsl(isTls(url))
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setConnectTimeout(config.timeouts().connect().toMillis())
                .setIdleTimeout(config.timeouts().response().toMillis());
    }

    public WebSocketConnectOptions webSocket(URI base, String pathAndQuery) {
        WebSocketConnectOptions options = new WebSocketConnectOptions();
        options.setHost(base.getHost())
                .setPort(port(base))
                .setSsl(isTls(base))
                .setURI(basePath(base) + pathAndQuery)
                .setConnectTimeout(config.timeouts().connect().toMillis());
        return options;
    }

    /** The body of a 200 answer; any other status fails (after the body is read off the connection). */
    public static Future<Buffer> bodyIfOk(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            return response.body().transform(ignored -> Future.failedFuture(
                    new IllegalStateException("HTTP " + response.statusCode())));
        }
        return response.body();
    }

    private static boolean isTls(URI base) {
        return "https".equalsIgnoreCase(base.getScheme()) || "wss".equalsIgnoreCase(base.getScheme());
    }

    private static int port(URI base) {
        return base.getPort() != -1 ? base.getPort() : isTls(base) ? 443 : 80;
    }

    /** An upstream mounted under a path prefix still receives the client's path after that prefix. */
    private static String basePath(URI base) {
        String path = base.getRawPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
    }

    @PreDestroy
    void close() {
        http.close();
        webSockets.close();
    }
}
