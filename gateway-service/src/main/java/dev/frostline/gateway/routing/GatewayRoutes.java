package dev.frostline.gateway.routing;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.gateway.config.GatewayConfig;
import dev.frostline.gateway.docs.ApiDocs;
import dev.frostline.gateway.edge.CorsPolicy;
import dev.frostline.gateway.edge.EdgeRateLimits;
import dev.frostline.gateway.edge.TokenBucket;
import dev.frostline.gateway.problem.ProblemReplies;
import dev.frostline.gateway.proxy.AccessLog;
import dev.frostline.gateway.proxy.ForwardedHeaders;
import dev.frostline.gateway.proxy.HttpProxy;
import dev.frostline.gateway.proxy.RequestIds;
import dev.frostline.gateway.proxy.WebSocketProxy;
import dev.frostline.gateway.security.AccessTokenVerifier;
import dev.frostline.gateway.security.BearerTokens;
import dev.frostline.gateway.security.TokenCheck;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * The edge: every request for a path in {@link RouteTable} passes here, gets a request id, is
 * checked for an access token unless its endpoint is public, and is handed to the proxy of its
 * area (or, for /api/docs, answered by the gateway itself). The gateway's own /q/* endpoints are not mounted here and stay local.
 */
@ApplicationScoped
public class GatewayRoutes {

    private final AccessTokenVerifier verifier;
    private final HttpProxy http;
    private final WebSocketProxy webSockets;
    private final ProblemReplies problems;
    private final CorsPolicy cors;
    private final EdgeRateLimits rateLimits;
    private final GatewayConfig config;
    private final ApiDocs docs;
    private final RouteTable routes;

    public GatewayRoutes(AccessTokenVerifier verifier, HttpProxy http, WebSocketProxy webSockets,
            ProblemReplies problems, CorsPolicy cors, EdgeRateLimits rateLimits, GatewayConfig config, ApiDocs docs,
            RouteTable routes) {
        this.docs = docs;
        this.routes = routes;
        this.verifier = verifier;
        this.http = http;
        this.webSockets = webSockets;
        this.problems = problems;
        this.cors = cors;
        this.rateLimits = rateLimits;
        this.config = config;
    }

    void install(@Observes Router router) {
        routes.mountPoints().forEach(mountPoint -> router.route(mountPoint).handler(this::handle));
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        // Hold the body until an upstream is connected to take it (or the request is refused).
        in.pause();
        long started = System.nanoTime();
        String requestId = RequestIds.acceptOrCreate(in.getHeader(ForwardedHeaders.REQUEST_ID));
        ctx.response().putHeader(ForwardedHeaders.REQUEST_ID, requestId);
        String path = in.path();

        if (cors.enabled()) {
            String origin = in.getHeader(HttpHeaders.ORIGIN);
            if (CorsPolicy.isPreflight(in)) {
                log(ctx, started, "-", requestId);
                in.resume();
                cors.preflight(origin, ctx.response().headers());
                ctx.response().setStatusCode(204).end();
                return;
            }
            if (origin != null) {
                ctx.addHeadersEndHandler(headersOut -> cors.actual(origin, ctx.response().headers()));
            }
        }

        if (!RequestPaths.isForwardable(path)) {
            log(ctx, started, "-", requestId);
            problems.send(ctx, ProblemType.MALFORMED_REQUEST,
                    "The path contains '.' or '..' segments or encoded slashes; send it in normal form.");
            return;
        }
        if (RouteTable.isApiDocs(path)) {
            log(ctx, started, "docs", requestId);
            if (allowed(ctx, rateLimits.client(clientAddress(in)))) {
                in.resume();
                docs.serve(ctx);
            }
            return;
        }
        Optional<Area> routed = routes.areaFor(path);
        if (routed.isEmpty()) {
            log(ctx, started, "-", requestId);
            problems.send(ctx, ProblemType.NOT_FOUND, "No Frostline API is served at " + path + ".");
            return;
        }
        Area area = routed.get();
        boolean upgrade = area == Area.REALTIME && WebSocketProxy.isUpgrade(in);
        log(ctx, started, area.displayName(), requestId);
        if (isTooLarge(in, area)) {
            problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, HttpProxy.tooLarge(area, area.maxBodyBytes(config)));
            return;
        }
        if (routes.isPublic(in.method(), path)) {
            Optional<String> deviceKey = RouteTable.isDeviceIngest(in.method(), path)
                    ? EdgeRateLimits.deviceKey(in.getHeader(ApiKeyFormat.HEADER))
                    : Optional.empty();
            TokenBucket.Decision decision = deviceKey.isPresent()
                    ? rateLimits.ingest(deviceKey.get())
                    : rateLimits.client(clientAddress(in));
            if (allowed(ctx, decision)) {
                dispatch(ctx, area, upgrade, requestId);
            }
            return;
        }
        String authorization = in.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> token = upgrade
                ? BearerTokens.forWebSocket(authorization, in.getHeader(BearerTokens.SEC_WEBSOCKET_PROTOCOL))
                : BearerTokens.fromAuthorization(authorization);
        verifier.check(token.orElse(null)).onComplete(checked -> {
            if (checked.failed()) {
                // Not expected (the check does not fail), but never leave a request hanging.
                problems.send(ctx, ProblemType.INTERNAL, "The access token could not be checked.");
                return;
            }
            TokenCheck check = checked.result();
            if (check instanceof TokenCheck.Valid valid) {
                valid.exchangedFor().ifPresent(frostlineToken -> forwardInstead(in, upgrade, frostlineToken));
                String subject = valid.token().getSubject();
                TokenBucket.Decision decision = subject == null
                        ? rateLimits.client(clientAddress(in))
                        : rateLimits.subject(subject);
                if (allowed(ctx, decision)) {
                    dispatch(ctx, area, upgrade, requestId);
                }
            } else if (check instanceof TokenCheck.Rejected rejected) {
                problems.unauthenticated(ctx, rejected.detail(), token.isPresent());
            } else {
                problems.unavailable(ctx, Area.IDENTITY);
            }
        });
    }

    /**
     * The client presented another issuer's token: upstream sees the Frostline token it was exchanged
     * for, where the client put its own (header, or for a WebSocket possibly the subprotocol carrier).
     */
    private static void forwardInstead(HttpServerRequest in, boolean upgrade, String frostlineToken) {
        if (upgrade && in.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            in.headers().set(BearerTokens.SEC_WEBSOCKET_PROTOCOL,
                    BearerTokens.withCarriedToken(in.getHeader(BearerTokens.SEC_WEBSOCKET_PROTOCOL), frostlineToken));
        } else {
            in.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + frostlineToken);
        }
    }

    private boolean allowed(RoutingContext ctx, TokenBucket.Decision decision) {
        if (!decision.allowed()) {
            problems.rateLimited(ctx, decision.retryAfterSeconds());
        }
        return decision.allowed();
    }

    /** Refused up front when the announced length is over the area's limit; chunked bodies are counted. */
    private boolean isTooLarge(HttpServerRequest in, Area area) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > area.maxBodyBytes(config);
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    /** The peer's address. X-Forwarded-For is not trusted here: any client could set it. */
    private static String clientAddress(HttpServerRequest in) {
        SocketAddress remote = in.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    private void dispatch(RoutingContext ctx, Area area, boolean upgrade, String requestId) {
        if (upgrade) {
            webSockets.forward(ctx, requestId);
        } else {
            http.forward(ctx, area, requestId);
        }
    }

    private static void log(RoutingContext ctx, long started, String area, String requestId) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        ctx.addEndHandler(ended -> AccessLog.exchange(method, path, area, ctx.response().getStatusCode(), started,
                ended.succeeded(), requestId));
    }
}
