package dev.frostline.identity.external;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.http.HttpClient;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * One external issuer's public signing keys, fetched from its JWKS with the non-blocking Vert.x
 * client and kept in memory: verifying a token then needs no I/O.
 *
 * <p>Refetched when older than the cache TTL, and at once for a kid it does not know (the issuer
 * rotated its key), but never more often than the minimum interval. Concurrent callers share one
 * fetch. When a fetch fails the keys already known keep working.
 */
final class IssuerKeys {

    /** The signature algorithms accepted, with the key each needs. */
    enum Algorithm {
        RS256("RSA", null), ES256("EC", EllipticCurves.P_256);

        final String keyType;
        final String curve;

        Algorithm(String keyType, String curve) {
            this.keyType = keyType;
            this.curve = curve;
        }

        static Optional<Algorithm> of(String name) {
            for (Algorithm algorithm : values()) {
                if (algorithm.name().equals(name)) {
                    return Optional.of(algorithm);
                }
            }
            return Optional.empty();
        }

        boolean fits(PublicJsonWebKey key) {
            if (!keyType.equals(key.getKeyType())) {
                return false;
            }
            return curve == null || key instanceof EllipticCurveJsonWebKey ec && curve.equals(ec.getCurveName());
        }
    }

    /** The outcome of looking up a token's key. */
    sealed interface Lookup {
        record Found(PublicKey key) implements Lookup {
        }

        record Unknown() implements Lookup {
        }

        /** The JWKS could never be fetched: nothing can be verified, through no fault of the caller. */
        record Unavailable() implements Lookup {
        }
    }

    private record Snapshot(List<PublicJsonWebKey> keys, long fetchedAtNanos) {
    }

    private final URI jwksUrl;
    private final HttpClient client;
    private final Duration cacheTtl;
    private final Duration minRefreshInterval;
    private final Duration fetchTimeout;

    private volatile Snapshot snapshot;
    private long lastAttemptNanos;
    private boolean attempted;
    private Uni<Void> inFlight;

    IssuerKeys(URI jwksUrl, HttpClient client, Duration cacheTtl, Duration minRefreshInterval, Duration fetchTimeout) {
        this.jwksUrl = jwksUrl;
        this.client = client;
        this.cacheTtl = cacheTtl;
        this.minRefreshInterval = minRefreshInterval;
        this.fetchTimeout = fetchTimeout;
    }

    /**
     * The key for a token's kid (null: the token names none, which is fine while only one key fits).
     * Completes on the caller's Vert.x context, where Hibernate Reactive expects to continue.
     */
    Uni<Lookup> keyFor(String kid, Algorithm algorithm) {
        Snapshot current = snapshot;
        Optional<PublicKey> known = find(current, kid, algorithm);
        boolean fresh = current != null && System.nanoTime() - current.fetchedAtNanos() < cacheTtl.toNanos();
        if ((known.isPresent() && fresh) || !refreshAllowed()) {
            return Uni.createFrom().item(lookup(current, kid, algorithm));
        }
        Context caller = Vertx.currentContext();
        Uni<Lookup> answer = refresh().map(ignored -> lookup(snapshot, kid, algorithm));
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private synchronized boolean refreshAllowed() {
        return !attempted || inFlight != null || System.nanoTime() - lastAttemptNanos >= minRefreshInterval.toNanos();
    }

    /** One fetch at a time; it never fails: the outcome is in the snapshot. */
    private synchronized Uni<Void> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        attempted = true;
        lastAttemptNanos = System.nanoTime();
        Uni<Void> fetch = client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(jwksUrl.toString()))
                .chain(request -> request.send())
                .chain(response -> response.statusCode() == 200
                        ? response.body()
                        : Uni.createFrom().failure(new IllegalStateException("HTTP " + response.statusCode())))
                .ifNoItem().after(fetchTimeout).fail()
                .map(body -> {
                    List<PublicJsonWebKey> keys = parse(body.toString());
                    snapshot = new Snapshot(keys, System.nanoTime());
                    Log.debugf("JWKS of %s: %d signing key(s)", jwksUrl, keys.size());
                    return (Void) null;
                })
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("JWKS fetch from %s failed (%s); external tokens are checked with the keys known",
                            jwksUrl, failure.getMessage());
                    return null;
                })
                .eventually(() -> {
                    synchronized (this) {
                        inFlight = null;
                    }
                })
                .memoize().indefinitely();
        inFlight = fetch;
        return fetch;
    }

    private static Lookup lookup(Snapshot snapshot, String kid, Algorithm algorithm) {
        if (snapshot == null) {
            return new Lookup.Unavailable();
        }
        return find(snapshot, kid, algorithm).<Lookup>map(Lookup.Found::new).orElseGet(Lookup.Unknown::new);
    }

    private static Optional<PublicKey> find(Snapshot snapshot, String kid, Algorithm algorithm) {
        if (snapshot == null) {
            return Optional.empty();
        }
        List<PublicJsonWebKey> fitting = snapshot.keys().stream()
                .filter(algorithm::fits)
                .filter(key -> kid == null || kid.equals(key.getKeyId()))
                .toList();
        // Without a kid the key is only unambiguous when a single one fits.
        return fitting.size() == 1 ? Optional.of(fitting.get(0).getPublicKey()) : Optional.empty();
    }

    /** The public signature keys of a JWKS document; encryption keys and anything unusable are ignored. */
    static List<PublicJsonWebKey> parse(String jwks) {
        try {
            return new JsonWebKeySet(jwks).getJsonWebKeys().stream()
                    .filter(key -> key.getUse() == null || "sig".equals(key.getUse()))
                    .filter(PublicJsonWebKey.class::isInstance)
                    .map(PublicJsonWebKey.class::cast)
                    .toList();
        } catch (JoseException e) {
            throw new IllegalStateException("not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }
}
