package dev.frostline.gateway.routing;

import dev.frostline.contracts.problems.ProblemType;
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
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * The edge: every request for a path in {@link RouteTable} passes here, gets a request id, is
 * checked for an access token unless its endpoint is public, and is handed to the proxy of its
 * area. The gateway's own /q/* endpoints are not mounted here and stay local.
 */
@ApplicationScoped
public class GatewayRoutes {

    private final AccessTokenVerifier verifier;
    private final HttpProxy http;
    private final WebSocketProxy webSockets;
    private final ProblemReplies problems;

    public GatewayRoutes(AccessTokenVerifier verifier, HttpProxy http, WebSocketProxy webSockets,
            ProblemReplies problems) {
        this.verifier = verifier;
        this.http = http;
        this.webSockets = webSockets;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        RouteTable.mountPoints().forEach(mountPoint -> router.route(mountPoint).handler(this::handle));
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        // Hold the body until an upstream is connected to take it (or the request is refused).
        in.pause();
        long started = System.nanoTime();
        String requestId = RequestIds.acceptOrCreate(in.getHeader(ForwardedHeaders.REQUEST_ID));
        ctx.response().putHeader(ForwardedHeaders.REQUEST_ID, requestId);
        String path = in.path();

        if (!RequestPaths.isForwardable(path)) {
            log(ctx, started, "-", requestId);
            problems.send(ctx, ProblemType.MALFORMED_REQUEST,
                    "The path contains '.' or '..' segments or encoded slashes; send it in normal form.");
            return;
        }
        Optional<Area> routed = RouteTable.areaFor(path);
        if (routed.isEmpty()) {
            log(ctx, started, "-", requestId);
            problems.send(ctx, ProblemType.NOT_FOUND, "No Frostline API is served at " + path + ".");
            return;
        }
        Area area = routed.get();
        boolean upgrade = area == Area.REALTIME && WebSocketProxy.isUpgrade(in);
        log(ctx, started, area.displayName(), requestId);
        if (RouteTable.isPublic(in.method(), path)) {
            dispatch(ctx, area, upgrade, requestId);
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
            if (check instanceof TokenCheck.Valid) {
                dispatch(ctx, area, upgrade, requestId);
            } else if (check instanceof TokenCheck.Rejected rejected) {
                problems.unauthenticated(ctx, rejected.detail(), token.isPresent());
            } else {
                problems.unavailable(ctx, Area.IDENTITY);
            }
        });
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
