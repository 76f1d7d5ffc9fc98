package dev.frostline.gateway.stubs;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * <li>{@code POST /api/identity/token/exchange}: a token whose (unverified) iss is
 * {@link #EXTERNAL_ISSUER} becomes a Frostline token for the user {@code nameUUIDFromBytes(sub)};
 * one with the claim {@code "refuse": true}, or of any other issuer, gets a 401 problem; with
 * {@code "slowMillis": n} the answer waits n ms. Signatures are identity's business, not checked here.</li>
 * <li>{@code GET /stub/exchanges?sub=}: how many exchanges were asked for that external subject.</li>
 * <li>{@code PUT /stub/jwks}: from now on the JWKS served is the request body (a key rotation).</li>
 * </ul>
 */
public final class IdentityStub implements Handler<HttpServerRequest> {

    /** The value of frostline.gateway.internal-token in the test profile. */
    static final String INTERNAL_TOKEN = "gateway-test-internal-token";
    public static final String EXTERNAL_ISSUER = "https://external-issuer.test/auth/v1";

    private record Recorded(String subject, String revokedBefore, Instant recordedAt) {
    }

    private final EchoUpstream echo;
    private final List<Recorded> revocations = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger pollsWithSince = new AtomicInteger();
    private final AtomicInteger pollsRefused = new AtomicInteger();
    private final Map<String, AtomicInteger> exchanges = new ConcurrentHashMap<>();

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
        } else if (path.equals("/api/identity/token/exchange") && request.method() == HttpMethod.POST) {
            request.body().onSuccess(body -> exchange(request, body.toJsonObject().getString("subjectToken")));
        } else if (path.equals("/stub/jwks") && request.method() == HttpMethod.PUT) {
            request.body().onSuccess(body -> {
                echo.publishJwks(body.toString());
                request.response().setStatusCode(204).end();
            });
        } else if (path.equals("/stub/exchanges")) {
            AtomicInteger count = exchanges.get(request.getParam("sub"));
            request.response().end(String.valueOf(count == null ? 0 : count.get()));
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

    private void exchange(HttpServerRequest request, String subjectToken) {
        JsonObject claims = new JsonObject(new String(
                Base64.getUrlDecoder().decode(subjectToken.split("\\.")[1]), StandardCharsets.UTF_8));
        String sub = claims.getString("sub");
        exchanges.computeIfAbsent(sub, k -> new AtomicInteger()).incrementAndGet();
        if (!EXTERNAL_ISSUER.equals(claims.getString("iss")) || claims.getBoolean("refuse", false)) {
            String problem = new JsonObject().put("type", "urn:frostline:problem:unauthenticated")
                    .put("title", "Authentication required").put("status", 401)
                    .put("detail", "The token is not from a trusted issuer.").encode();
            request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json").end(problem);
            return;
        }
        UUID user = UUID.nameUUIDFromBytes(sub.getBytes(StandardCharsets.UTF_8));
        UUID org = UUID.nameUUIDFromBytes(("org-" + sub).getBytes(StandardCharsets.UTF_8));
        String answer = new JsonObject()
                .put("accessToken", TestTokens.token(user, org, Role.STAFF))
                .put("tokenType", "Bearer").put("expiresIn", 900)
                .put("userId", user.toString()).put("orgId", org.toString()).put("role", "staff").encode();
        long slow = claims.getLong("slowMillis", 0L);
        Runnable respond = () -> request.response().putHeader("Content-Type", "application/json").end(answer);
        if (slow > 0) {
            Vertx.currentContext().owner().setTimer(slow, id -> respond.run());
        } else {
            respond.run();
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
