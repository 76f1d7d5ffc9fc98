package dev.frostline.gateway.problem;

import dev.frostline.contracts.problems.Problem;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.gateway.routing.Area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** Answers a request with an RFC 9457 problem document. Never carries a stack trace. */
@ApplicationScoped
public class ProblemReplies {

    /** How long a client should wait before retrying a service that is down. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;

    public ProblemReplies(ObjectMapper json) {
        this.json = json;
    }

    public void unauthenticated(RoutingContext ctx, String detail, boolean tokenPresented) {
        ctx.response().putHeader("WWW-Authenticate",
                tokenPresented ? "Bearer realm=\"frostline\", error=\"invalid_token\"" : "Bearer realm=\"frostline\"");
        send(ctx, ProblemType.UNAUTHENTICATED, detail);
    }

    public void unavailable(RoutingContext ctx, Area area) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        send(ctx, ProblemType.SERVICE_UNAVAILABLE,
                area.displayName() + " is unavailable. Retry in a few seconds.");
    }

    /** The upstream's breaker is open: refused without trying it. */
    public void breakerOpen(RoutingContext ctx, Area area, long retryAfterSeconds) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        send(ctx, ProblemType.SERVICE_UNAVAILABLE, area.displayName()
                + " is unavailable (failing fast after repeated failures). Retry in " + retryAfterSeconds + " s.");
    }

    public void rateLimited(RoutingContext ctx, long retryAfterSeconds) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        send(ctx, GatewayProblems.RATE_LIMITED,
                "Too many requests. Retry in " + retryAfterSeconds + " s.");
    }

    public void send(RoutingContext ctx, ProblemType type, String detail) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            // Too late for a status line: all that is left is to break the exchange visibly.
            response.reset();
            return;
        }
        // A body the gateway will not forward must still be read off the connection (and dropped),
        // or the next request on this keep-alive connection would never be parsed.
        if (!request.isEnded()) {
            request.resume();
        }
        byte[] body = render(new Problem(type.uri(), type.title(), type.status(), detail, request.path(), null));
        response.setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length))
                .end(Buffer.buffer(body));
    }

    byte[] render(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            Log.errorf(e, "problem document for %s could not be written", problem.type());
            return ("{\"type\":\"" + problem.type() + "\",\"status\":" + problem.status() + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
