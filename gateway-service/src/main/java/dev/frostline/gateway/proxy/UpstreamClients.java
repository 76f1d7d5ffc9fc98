package dev.frostline.gateway.proxy;

import dev.frostline.gateway.config.GatewayConfig;
import dev.frostline.gateway.edge.UpstreamPolicies;
import dev.frostline.gateway.edge.UpstreamPolicy;
import dev.frostline.gateway.routing.Area;

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
 * the WebSocket client of the /ws relay. Both pool per upstream host:port. Requests to an upstream
 * get that upstream's timeouts ({@link UpstreamPolicies}).
 */
@ApplicationScoped
public class UpstreamClients {

    private final HttpClient http;
    private final WebSocketClient webSockets;
    private final GatewayConfig config;
    private final UpstreamPolicies policies;

    public UpstreamClients(Vertx vertx, GatewayConfig config, UpstreamPolicies policies) {
        this.config = config;
        this.policies = policies;
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

    /**
     * A request to {@code area} for {@code pathAndQuery}, with its connect timeout only: the proxy
     * starts the response timeout once the (possibly long) upload is sent.
     */
    public RequestOptions request(Area area, String pathAndQuery) {
        URI base = area.baseUri(config.upstream());
        return new RequestOptions()
                .setHost(base.getHost())
                .setPort(port(base))
                .setSsl(isTls(base))
                .setURI(basePath(base) + pathAndQuery)
                .setConnectTimeout(policies.of(area).connectTimeout().toMillis());
    }

    /** A small call of the gateway's own to {@code area}, bounded by its connect and response timeouts. */
    public RequestOptions call(Area area, String pathAndQuery) {
        return request(area, pathAndQuery).setIdleTimeout(policies.of(area).responseTimeout().toMillis());
    }

    public UpstreamPolicy policy(Area area) {
        return policies.of(area);
    }

    /** A GET of a full URL (the JWKS, which need not be identity's), bounded by the global timeouts. */
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

    public WebSocketConnectOptions webSocket(Area area, String pathAndQuery) {
        URI base = area.baseUri(config.upstream());
        WebSocketConnectOptions options = new WebSocketConnectOptions();
        options.setHost(base.getHost())
                .setPort(port(base))
                .setSsl(isTls(base))
                .setURI(basePath(base) + pathAndQuery)
                .setConnectTimeout(policies.of(area).connectTimeout().toMillis());
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
