package dev.frostline.gateway.edge;

import dev.frostline.gateway.config.GatewayConfig;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * CORS, decided at the edge from config so the services never need to. Preflights are answered
 * here without a token (browsers never send one on a preflight); actual responses get the CORS
 * headers only for an allowed Origin. No allowed origins configured: CORS is off and nothing is added.
 */
@ApplicationScoped
public class CorsPolicy {

    private final List<String> origins;
    private final String methods;
    private final String headers;
    private final String exposed;
    private final String maxAge;
    private final boolean credentials;

    public CorsPolicy(GatewayConfig config) {
        GatewayConfig.Cors cors = config.cors();
        this.origins = cors.allowedOrigins().orElse(List.of()).stream().map(String::trim)
                .filter(origin -> !origin.isEmpty()).toList();
        this.methods = String.join(", ", cors.methods());
        this.headers = String.join(", ", cors.headers());
        this.exposed = String.join(", ", cors.exposedHeaders());
        this.maxAge = String.valueOf(cors.maxAge().toSeconds());
        this.credentials = cors.credentials();
    }

    public boolean enabled() {
        return !origins.isEmpty();
    }

    public static boolean isPreflight(HttpServerRequest in) {
        return in.method() == HttpMethod.OPTIONS && in.getHeader(HttpHeaders.ORIGIN) != null
                && in.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }

    public boolean allows(String origin) {
        return origin != null && (origins.contains(origin) || origins.contains("*"));
    }

    /** Headers of a preflight answer (status 204); none for an origin that is not allowed. */
    public void preflight(String origin, MultiMap response) {
        response.add(HttpHeaders.VARY, "Origin");
        if (!allows(origin)) {
            return;
        }
        allowOrigin(origin, response);
        response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods)
                .set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers)
                .set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
    }

    /** Headers added to an actual (proxied or refused) response. */
    public void actual(String origin, MultiMap response) {
        response.add(HttpHeaders.VARY, "Origin");
        if (!allows(origin)) {
            return;
        }
        allowOrigin(origin, response);
        response.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed);
    }

    private void allowOrigin(String origin, MultiMap response) {
        // The origin is echoed, never "*", so credentials can be allowed and caches key on Vary.
        response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if (credentials) {
            response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }
}
