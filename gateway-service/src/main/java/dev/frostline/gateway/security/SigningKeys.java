package dev.frostline.gateway.security;

import dev.frostline.gateway.config.GatewayConfig;
import dev.frostline.gateway.proxy.UpstreamClients;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * identity-service's public signing keys, fetched by the gateway itself with the non-blocking
 * Vert.x client and kept in memory.
 *
 * <p>Why not let smallrye-jwt resolve them: its resolver fetches the JWKS through jose4j's
 * {@code HttpsJwks}, a blocking {@code HttpURLConnection} call made on the verifying thread on first
 * use, whenever the cache expires and on an unknown kid. On the event loop that would stall every
 * connection of that loop for as long as identity takes to answer (up to jose4j's 20 s timeouts).
 * Here the event loop only ever reads an immutable map; tokens are then verified with
 * {@code JWTParser.verify(token, key)}, which applies the configured issuer, algorithm and expiry
 * checks without any I/O.
 *
 * <p>Refresh policy: at start and then every {@code refresh-interval}; after a failure every
 * {@code retry-interval} until it works; and at once for a token whose kid is unknown (a freshly
 * rotated key), at most every {@code min-refresh-interval} so garbage kids cannot hammer identity.
 */
@ApplicationScoped
public class SigningKeys {

    private final Vertx vertx;
    private final UpstreamClients clients;
    private final GatewayConfig.Jwks config;

    private volatile Map<String, PublicKey> byKid = Map.of();
    private volatile Instant lastSuccess;
    private volatile long lastAttemptNanos;
    private volatile boolean attempted;
    private Future<Void> inFlight;
    private long retryTimer = -1;
    private long periodicTimer = -1;

    public SigningKeys(Vertx vertx, UpstreamClients clients, GatewayConfig config) {
        this.vertx = vertx;
        this.clients = clients;
        this.config = config.jwks();
    }

    void start(@Observes StartupEvent started) {
        refresh();
        periodicTimer = vertx.setPeriodic(config.refreshInterval().toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(periodicTimer);
        synchronized (this) {
            vertx.cancelTimer(retryTimer);
        }
    }

    /** True once the JWKS has been fetched successfully at least once. */
    public boolean loaded() {
        return lastSuccess != null;
    }

    public Optional<Instant> lastFetched() {
        return Optional.ofNullable(lastSuccess);
    }

    public int size() {
        return byKid.size();
    }

    /**
     * The key for {@code kid} (null: the token names none, which is fine while the JWKS holds a single
     * key). Completes on the caller's Vert.x context, so request handling never hops event loops.
     */
    Future<KeyLookup> keyFor(String kid) {
        Optional<PublicKey> known = lookup(kid);
        if (known.isPresent()) {
            return Future.succeededFuture(new KeyLookup.Found(known.get()));
        }
        if (!refreshAllowed()) {
            return Future.succeededFuture(loaded() ? new KeyLookup.Unknown() : new KeyLookup.Unavailable());
        }
        return CallerContext.resumeOnCaller(refresh()).map(done -> lookup(kid).<KeyLookup>map(KeyLookup.Found::new)
                .orElseGet(() -> loaded() ? new KeyLookup.Unknown() : new KeyLookup.Unavailable()));
    }

    /** Requests may trigger a fetch, but never more often than identity should be asked. */
    private boolean refreshAllowed() {
        if (!attempted) {
            return true;
        }
        long gap = (loaded() ? config.minRefreshInterval() : config.retryInterval()).toNanos();
        return System.nanoTime() - lastAttemptNanos >= gap;
    }

    private Optional<PublicKey> lookup(String kid) {
        Map<String, PublicKey> keys = byKid;
        if (kid != null) {
            return Optional.ofNullable(keys.get(kid));
        }
        return keys.size() == 1 ? Optional.of(keys.values().iterator().next()) : Optional.empty();
    }

    /** Fetches the JWKS; concurrent callers share one fetch. Never fails: the outcome is in the state. */
    synchronized Future<Void> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        lastAttemptNanos = System.nanoTime();
        attempted = true;
        String location = config.location().toString();
        Future<Void> fetch = clients.http()
                .request(clients.absolute(config.location()).setMethod(HttpMethod.GET))
                .compose(request -> request.send())
                .compose(UpstreamClients::bodyIfOk)
                .map(body -> {
                    Map<String, PublicKey> parsed = parse(body.toString());
                    if (parsed.isEmpty()) {
                        throw new IllegalStateException("the JWKS holds no RSA signing key");
                    }
                    byKid = parsed;
                    lastSuccess = Instant.now();
                    Log.debugf("JWKS from %s: %d key(s)", location, parsed.size());
                    return (Void) null;
                })
                .recover(failure -> {
                    Log.warnf("JWKS fetch from %s failed (%s); access tokens are checked with the %d key(s) known",
                            location, failure.getMessage(), byKid.size());
                    scheduleRetry();
                    return Future.succeededFuture();
                })
                .onComplete(done -> {
                    synchronized (this) {
                        inFlight = null;
                    }
                });
        // The fetch may already have completed (a connection failure can be reported synchronously).
        if (!fetch.isComplete()) {
            inFlight = fetch;
        }
        return fetch;
    }

    private synchronized void scheduleRetry() {
        if (retryTimer != -1) {
            return;
        }
        retryTimer = vertx.setTimer(config.retryInterval().toMillis(), id -> {
            synchronized (this) {
                retryTimer = -1;
            }
            refresh();
        });
    }

    /** RSA signature keys of a JWKS document, by kid. Anything else in the set is ignored. */
    static Map<String, PublicKey> parse(String jwks) {
        List<JsonWebKey> keys;
        try {
            keys = KeyUtils.loadJsonWebKeys(jwks);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the JWKS is not valid JSON Web Key Set", e);
        }
        if (keys == null) {
            throw new IllegalStateException("the JWKS is not valid JSON Web Key Set");
        }
        Map<String, PublicKey> byKid = new HashMap<>();
        for (JsonWebKey key : keys) {
            boolean signing = key.getUse() == null || "sig".equals(key.getUse());
            if (signing && key instanceof PublicJsonWebKey publicKey && "RSA".equals(key.getKeyType())) {
                byKid.put(key.getKeyId() == null ? "" : key.getKeyId(), publicKey.getPublicKey());
            }
        }
        return Map.copyOf(byKid);
    }
}
