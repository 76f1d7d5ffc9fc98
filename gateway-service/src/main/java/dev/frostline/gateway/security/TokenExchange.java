package dev.frostline.gateway.security;

import dev.frostline.gateway.config.GatewayConfig;
import dev.frostline.gateway.proxy.UpstreamClients;
import dev.frostline.gateway.routing.Area;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trades an access token of an external issuer (Supabase Auth, Keycloak, ...) for a Frostline one
 * at identity, which verifies it, maps its claims and provisions the user on first use.
 *
 * <p>Exchanges are cached by the SHA-256 of the external token (the token itself is never kept)
 * until 30 s before the Frostline token expires, and never past the external token's own expiry.
 * Concurrent requests with the same new token share one call to identity.
 */
@ApplicationScoped
public class TokenExchange {

    public static final String PATH = "/api/identity/token/exchange";
    /** Handed out this long before the Frostline token expires at the latest, so it never expires in flight. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    /** What identity made of an external token. */
    sealed interface Outcome {
        record Exchanged(String accessToken) implements Outcome {
        }

        record Refused(String detail) implements Outcome {
        }

        record Unavailable() implements Outcome {
        }
    }

    private final UpstreamClients clients;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final ExpiringCache<String, String> exchanged;
    private final Map<String, Future<Outcome>> inFlight = new ConcurrentHashMap<>();

    public TokenExchange(UpstreamClients clients, GatewayConfig config, ObjectMapper json) {
        this.clients = clients;
        this.config = config;
        this.json = json;
        this.exchanged = new ExpiringCache<>(config.externalTokens().cacheSize());
    }

    public boolean enabled() {
        return config.externalTokens().enabled();
    }

    /** Completes on the caller's context; never fails (identity's failures are an {@link Outcome}). */
    public Future<Outcome> exchange(String externalToken, Optional<Instant> externalExpiry) {
        String key = sha256(externalToken);
        Optional<String> cached = exchanged.get(key, Instant.now());
        if (cached.isPresent()) {
            return Future.succeededFuture(new Outcome.Exchanged(cached.get()));
        }
        Promise<Outcome> mine = Promise.promise();
        Future<Outcome> shared = inFlight.putIfAbsent(key, mine.future());
        if (shared != null) {
            return CallerContext.resumeOnCaller(shared);
        }
        call(externalToken).onComplete(done -> {
            if (done.succeeded() && done.result() instanceof Outcome.Exchanged exchangedNow) {
                remember(key, exchangedNow.accessToken(), externalExpiry);
            }
            inFlight.remove(key, mine.future());
            mine.handle(done);
        });
        return CallerContext.resumeOnCaller(mine.future());
    }

    private void remember(String key, String accessToken, Optional<Instant> externalExpiry) {
        Instant now = Instant.now();
        Optional<Instant> frostlineExpiry = UnverifiedJwt.parse(accessToken, json).flatMap(UnverifiedJwt::expiresAt);
        if (frostlineExpiry.isEmpty()) {
            return;
        }
        Instant until = frostlineExpiry.get().minus(EXPIRY_MARGIN);
        if (externalExpiry.isPresent() && externalExpiry.get().isBefore(until)) {
            until = externalExpiry.get();
        }
        exchanged.put(key, accessToken, until, now);
    }

    private Future<Outcome> call(String externalToken) {
        Buffer body;
        try {
            body = Buffer.buffer(json.writeValueAsBytes(Map.of("subjectToken", externalToken)));
        } catch (IOException e) {
            return Future.succeededFuture(new Outcome.Unavailable());
        }
        RequestOptions request = clients.call(Area.IDENTITY, PATH)
                .setMethod(HttpMethod.POST)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return clients.http().request(request)
                .compose(sent -> sent.send(body))
                .compose(response -> response.body().map(answer -> outcome(response, answer)))
                .otherwise(failure -> {
                    Log.warnf("token exchange at identity failed: %s", failure.toString());
                    return new Outcome.Unavailable();
                });
    }

    private Outcome outcome(HttpClientResponse response, Buffer answer) {
        int status = response.statusCode();
        if (status == 200) {
            String accessToken = field(answer, "accessToken");
            if (accessToken != null) {
                return new Outcome.Exchanged(accessToken);
            }
            Log.warn("token exchange at identity answered 200 without an accessToken");
            return new Outcome.Unavailable();
        }
        if (status == 400 || status == 401 || status == 403) {
            String detail = field(answer, "detail");
            return new Outcome.Refused(detail != null ? detail
                    : "The access token of the external issuer was not accepted.");
        }
        Log.warnf("token exchange at identity answered HTTP %d", status);
        return new Outcome.Unavailable();
    }

    private String field(Buffer answer, String name) {
        try {
            JsonNode node = json.readTree(answer.getBytes()).get(name);
            return node != null && node.isTextual() ? node.asText() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
