package dev.frostline.gateway.stubs;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * identity-service's stand-in: what {@link EchoUpstream} does, plus identity's own endpoints the
 * gateway calls by itself.
 * <ul>
 * <li>{@code GET /internal/identity/revocations[?since=]} (bearer {@link #INTERNAL_TOKEN}): the
 * revocations recorded since then, as identity answers;</li>
 * <li>{@code POST /stub/revocations} {@code {"subject","revokedBefore"}}: records one;</li>
 * <li>{@code GET /stub/revocation-polls}: how often the feed was polled, and with {@code since}.</li>
 * </ul>
 */
final class IdentityStub implements Handler<HttpServerRequest> {

    /** The value of frostline.gateway.internal-token in the test profile. */
    static final String INTERNAL_TOKEN = "gateway-test-internal-token";

    private record Recorded(String subject, String revokedBefore, Instant recordedAt) {
    }

    private final EchoUpstream echo;
    private final List<Recorded> revocations = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger pollsWithSince = new AtomicInteger();
    private final AtomicInteger pollsRefused = new AtomicInteger();

    IdentityStub(EchoUpstream echo) {
        this.echo = echo;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/internal/identity/revocations")) {
            revocationFeed(request);
        } else if (path.equals("/stub/revocations") && request.method() == HttpMethod.POST) {
            request.body().onSuccess(body -> {
                JsonObject revocation = body.toJsonObject();
                revocations.add(new Recorded(revocation.getString("subject"), revocation.getString("revokedBefore"),
                        Instant.now()));
                request.response().setStatusCode(204).end();
            });
        } else if (path.equals("/stub/revocation-polls")) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("total", polls.get())
                    .put("withSince", pollsWithSince.get())
                    .put("refused", pollsRefused.get())
                    .encode());
        } else {
            echo.handle(request);
        }
    }

    private void revocationFeed(HttpServerRequest request) {
        if (!("Bearer " + INTERNAL_TOKEN).equals(request.getHeader("Authorization"))) {
            pollsRefused.incrementAndGet();
            request.response().setStatusCode(401).end();
            return;
        }
        polls.incrementAndGet();
        String since = request.getParam("since");
        if (since != null) {
            pollsWithSince.incrementAndGet();
        }
        Instant asOf = Instant.now();
        JsonArray listed = new JsonArray();
        for (Recorded revocation : revocations) {
            if (since == null || !revocation.recordedAt().isBefore(Instant.parse(since))) {
                listed.add(new JsonObject().put("subject", revocation.subject())
                        .put("revokedBefore", revocation.revokedBefore()));
            }
        }
        request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("asOf", asOf.toString()).put("revocations", listed).encode());
    }
}
