package dev.frostline.gateway.proxy;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.gateway.config.GatewayConfig;
import dev.frostline.gateway.edge.CappedBody;
import dev.frostline.gateway.edge.UpstreamBreakers;
import dev.frostline.gateway.problem.GatewayProblems;
import dev.frostline.gateway.problem.ProblemReplies;
import dev.frostline.gateway.routing.Area;

import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Forwards one HTTP exchange to a service, streaming both bodies: nothing is buffered beyond what
 * Vert.x holds in flight, and back-pressure flows end to end (a slow upstream slows the upload).
 *
 * <p>Failure mapping: no connection to the upstream (refused, unresolvable, connect timeout) is 503;
 * connected but silent for longer than the response timeout is 504; a connection that breaks before
 * the response head is 502. Once the response head is out, a failure can only abort the exchange.
 */
@ApplicationScoped
public class HttpProxy {

    private final UpstreamClients clients;
    private final GatewayConfig config;
    private final ProblemReplies problems;
    private final UpstreamBreakers breakers;
    private final Vertx vertx;

    public HttpProxy(UpstreamClients clients, GatewayConfig config, ProblemReplies problems,
            UpstreamBreakers breakers, Vertx vertx) {
        this.vertx = vertx;
        this.clients = clients;
        this.config = config;
        this.problems = problems;
        this.breakers = breakers;
    }

    public void forward(RoutingContext ctx, Area area, String requestId) {
        HttpServerRequest in = ctx.request();
        if (!breakers.tryAcquire(area)) {
            // Open breaker: answer at once instead of queueing clients behind connect timeouts.
            problems.breakerOpen(ctx, area, breakers.retryAfterSeconds(area));
            return;
        }
        MultiMap headers = ForwardedHeaders.toUpstream(in.headers(), ProxiedRequests.origin(in), requestId);
        clients.http()
                .request(clients.request(area, ProxiedRequests.pathAndQuery(in))
                        .setMethod(in.method())
                        .setHeaders(headers))
                .onComplete(connected -> {
                    if (connected.failed()) {
                        Log.warnf("%s unreachable for %s %s: %s requestId=%s", area.displayName(), in.method(),
                                in.path(), connected.cause().toString(), requestId);
                        breakers.failed(area);
                        problems.unavailable(ctx, area);
                        return;
                    }
                    exchange(ctx, area, requestId, connected.result());
                });
    }

    private void exchange(RoutingContext ctx, Area area, String requestId, HttpClientRequest upstream) {
        HttpServerRequest in = ctx.request();
        HttpServerResponse out = ctx.response();
        long responseTimeout = clients.policy(area).responseTimeout().toMillis();
        ResponseDeadline deadline = new ResponseDeadline(vertx, upstream, responseTimeout);
        boolean[] responded = new boolean[1];

        // The client went away: stop the upstream work it started.
        out.closeHandler(closed -> upstream.reset());

        upstream.response().onComplete(answered -> {
            responded[0] = true;
            // The proxy's deadline is the only timer on a proxied request, so it alone says "timed out".
            boolean timedOut = deadline.settle();
            if (answered.failed()) {
                if (timedOut) {
                    breakers.failed(area);
                } else {
                    // Not the upstream's health (the client left, or the body was refused): no verdict.
                    breakers.succeeded(area);
                }
                failBeforeResponse(ctx, area, requestId, answered.cause(), timedOut);
                return;
            }
            breakers.succeeded(area);
            relayResponse(in, out, answered.result(), upstream, requestId);
        });

        if (!ProxiedRequests.hasBody(in)) {
            if (!in.isEnded()) {
                in.resume();
            }
            upstream.end();
            deadline.start();
            return;
        }
        if (!upstream.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            upstream.setChunked(true);
        }
        if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
            out.writeContinue();
        }
        // endOnFailure(false): a client that aborts its upload must not look like a complete (shorter)
        // body to the upstream; the upstream request is reset instead.
        long maxBytes = area.maxBodyBytes(config);
        CappedBody body = new CappedBody(in, maxBytes, () -> {
            Log.infof("request body over %d bytes refused for %s %s requestId=%s", maxBytes, in.method(), in.path(),
                    requestId);
            problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, tooLarge(area, maxBytes));
        });
        body.pipe().endOnFailure(false).to(upstream).onComplete(sent -> {
            if (sent.succeeded()) {
                // Uploads may take long; the response timeout only starts once the body is out.
                deadline.start();
            } else if (!responded[0]) {
                upstream.reset();
            }
        });
    }

    private void relayResponse(HttpServerRequest in, HttpServerResponse out, HttpClientResponse response,
            HttpClientRequest upstream, String requestId) {
        out.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            out.setStatusMessage(response.statusMessage());
        }
        ForwardedHeaders.toClient(response.headers(), out.headers(), requestId);
        if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH) && in.version() != HttpVersion.HTTP_1_0
                && mayHaveBody(in.method(), response.statusCode())) {
            out.setChunked(true);
        }
        response.pipe().endOnFailure(false).to(out).onComplete(relayed -> {
            if (relayed.failed()) {
                // Head already sent: abort rather than let a truncated body pass for a complete one.
                Log.warnf("response from upstream broke off for %s %s: %s requestId=%s", in.method(), in.path(),
                        relayed.cause().toString(), requestId);
                upstream.reset();
                out.reset();
            }
        });
    }

    private void failBeforeResponse(RoutingContext ctx, Area area, String requestId, Throwable cause,
            boolean timedOut) {
        HttpServerRequest in = ctx.request();
        if (ctx.response().closed() || ctx.response().ended()) {
            return;
        }
        if (timedOut) {
            Log.warnf("%s did not answer %s %s within %s requestId=%s", area.displayName(), in.method(), in.path(),
                    clients.policy(area).responseTimeout(), requestId);
            problems.send(ctx, GatewayProblems.UPSTREAM_TIMEOUT,
                    area.displayName() + " did not answer in time. The request may or may not have been carried out.");
        } else {
            Log.warnf("%s failed %s %s before answering: %s requestId=%s", area.displayName(), in.method(), in.path(),
                    cause.toString(), requestId);
            problems.send(ctx, GatewayProblems.BAD_GATEWAY,
                    area.displayName() + " closed the connection without answering. The request may or may not "
                            + "have been carried out.");
        }
    }

    /** The detail of a 413, shared by the Content-Length check at the edge and the streaming count. */
    public static String tooLarge(Area area, long maxBytes) {
        return "Request bodies for " + area.displayName() + " are limited to " + maxBytes + " bytes.";
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }
}
