package dev.frostline.gateway.proxy;

import dev.frostline.gateway.problem.ProblemReplies;
import dev.frostline.gateway.routing.Area;
import dev.frostline.gateway.security.BearerTokens;

import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relays a /ws connection to realtime-service. The upstream connection is made first, so a client
 * is only upgraded when realtime accepted it too; the client is then answered with the subprotocol
 * realtime selected, and frames and closes flow through unchanged.
 */
@ApplicationScoped
public class WebSocketProxy {

    private static final short GOING_AWAY = 1001;

    private final UpstreamClients clients;
    private final ProblemReplies problems;
    private final Set<ServerWebSocket> open = ConcurrentHashMap.newKeySet();

    public WebSocketProxy(UpstreamClients clients, ProblemReplies problems) {
        this.clients = clients;
        this.problems = problems;
    }

    public static boolean isUpgrade(HttpServerRequest in) {
        String upgrade = in.getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    public void forward(RoutingContext ctx, String requestId) {
        HttpServerRequest in = ctx.request();
        WebSocketConnectOptions options = clients.webSocket(Area.REALTIME,
                ProxiedRequests.pathAndQuery(in));
        options.setHeaders(ForwardedHeaders.toUpstreamWebSocket(in.headers(), ProxiedRequests.origin(in), requestId));
        // The client's Origin (if any) is among the forwarded headers; Vert.x must not add its own.
        options.setAllowOriginHeader(false);
        // Exactly as offered, token-carrying entry included, so realtime can authenticate a browser too.
        List<String> offered = BearerTokens.subprotocols(in.getHeader(BearerTokens.SEC_WEBSOCKET_PROTOCOL));
        if (!offered.isEmpty()) {
            options.setSubProtocols(offered);
        }
        clients.webSockets().connect(options).onComplete(connected -> {
            if (connected.failed()) {
                refuse(ctx, requestId, connected.cause());
                return;
            }
            WebSocket upstream = connected.result();
            // realtime may speak first; hold its frames until the client side is upgraded and joined.
            upstream.pause();
            // The gateway's server accepts any subprotocol ("*", see WebSocketSubprotocols); leaving only
            // realtime's choice in the request makes that the one the client is answered with.
            String selected = upstream.subProtocol();
            if (selected == null) {
                in.headers().remove(BearerTokens.SEC_WEBSOCKET_PROTOCOL);
            } else {
                in.headers().set(BearerTokens.SEC_WEBSOCKET_PROTOCOL, selected);
            }
            in.toWebSocket().onComplete(upgraded -> {
                if (upgraded.failed()) {
                    Log.debugf("client upgrade failed after realtime accepted: %s requestId=%s",
                            upgraded.cause().toString(), requestId);
                    upstream.close((short) 1001, "client went away");
                    return;
                }
                ServerWebSocket client = upgraded.result();
                AccessLog.webSocket("open", in.path(), requestId, selected == null ? "" : "subprotocol=" + selected);
                open.add(client);
                WebSocketRelay.join(client, upstream, requestId, () -> open.remove(client));
            });
        });
    }

    /**
     * Relayed connections never end on their own: close them as "going away", so clients reconnect
     * (to another gateway instance) at once instead of being cut off when the process exits.
     */
    void closeAll(@Observes ShutdownEvent stopping) {
        open.forEach(client -> client.close(GOING_AWAY, "gateway restarting"));
    }

    private void refuse(RoutingContext ctx, String requestId, Throwable cause) {
        if (cause instanceof UpgradeRejectedException rejected) {
            // realtime said no (bad token for it, wrong path, ...): pass its answer on.
            AccessLog.webSocket("rejected", ctx.request().path(), requestId, "status=" + rejected.getStatus());
            relayRejection(ctx, rejected);
            return;
        }
        Log.warnf("realtime unreachable for %s: %s requestId=%s", ctx.request().path(), cause.toString(), requestId);
        problems.unavailable(ctx, Area.REALTIME);
    }

    private static void relayRejection(RoutingContext ctx, UpgradeRejectedException rejected) {
        HttpServerRequest in = ctx.request();
        HttpServerResponse out = ctx.response();
        if (!in.isEnded()) {
            in.resume();
        }
        MultiMap headers = rejected.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : rejected.getHeaders();
        Buffer body = rejected.getBody() == null ? Buffer.buffer() : rejected.getBody();
        String requestId = out.headers().get(ForwardedHeaders.REQUEST_ID);
        ForwardedHeaders.toClient(headers, out.headers(), requestId);
        out.headers().set(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
        out.setStatusCode(rejected.getStatus()).end(body);
    }
}
