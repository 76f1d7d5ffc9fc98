package dev.frostline.identity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.identity.repository.SigningKeyRepository;
import dev.frostline.identity.signing.RsaKeyPairs;
import dev.frostline.identity.signing.SigningKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The RS256 keys identity signs with. Keys live in identity's database so that every replica signs
 * with the same key and a restart invalidates no token. The first start creates one.
 * The active set is cached briefly: a rotation done on another replica shows up within the TTL.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Duration CACHE_TTL = Duration.ofSeconds(30);

    public record ActiveKey(String kid, PrivateKey privateKey) {
    }

    private record Snapshot(ActiveKey signing, List<Map<String, Object>> jwks, Instant loadedAt) {
    }

    private final SigningKeyRepository repository;
    private final ObjectMapper mapper;
    private volatile Snapshot snapshot;

    private final Vertx vertx;

    public SigningKeys(SigningKeyRepository repository, ObjectMapper mapper, Vertx vertx) {
        this.repository = repository;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    public Uni<ActiveKey> signingKey() {
        return snapshot().map(Snapshot::signing);
    }

    /** Public JWKs of every active key: the current one and those it replaced but did not retire. */
    public Uni<List<Map<String, Object>>> publicKeys() {
        return snapshot().map(Snapshot::jwks);
    }

    private Uni<Snapshot> snapshot() {
        Snapshot current = snapshot;
        if (current != null && current.loadedAt().plus(CACHE_TTL).isAfter(Instant.now())) {
            return Uni.createFrom().item(current);
        }
        return load();
    }

    private Uni<Snapshot> load() {
        return Panache.withSession(repository::listActive)
                .chain(keys -> keys.isEmpty() ? createFirstKey() : Uni.createFrom().item(keys))
                .map(this::toSnapshot)
                .invoke(loaded -> snapshot = loaded);
    }

    private Uni<List<SigningKey>> createFirstKey() {
        return Panache.withTransaction(() -> repository.lockForCreation()
                .chain(repository::listActive)
                .chain(keys -> keys.isEmpty() ? insertNewKey() : Uni.createFrom().item(keys)));
    }

    private Uni<List<SigningKey>> insertNewKey() {
        // Key generation takes up to a second of CPU: off the event loop.
        return vertx.executeBlocking(Uni.createFrom().item(RsaKeyPairs::generate), false).chain(this::insert);
    }

    private Uni<List<SigningKey>> insert(KeyPair pair) {
        SigningKey key = new SigningKey();
        key.kid = UUID.randomUUID().toString();
        key.privateKeyPem = RsaKeyPairs.privatePem(pair.getPrivate());
        try {
            key.publicJwk = mapper.writeValueAsString(RsaKeyPairs.publicJwk((RSAPublicKey) pair.getPublic(), key.kid));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        key.createdAt = Instant.now();
        Log.infof("created signing key %s", key.kid);
        return repository.persist(key).map(List::of);
    }

    @SuppressWarnings("unchecked")
    private Snapshot toSnapshot(List<SigningKey> keys) {
        SigningKey newest = keys.get(0);
        List<Map<String, Object>> jwks = keys.stream().map(k -> {
            try {
                return (Map<String, Object>) mapper.readValue(k.publicJwk, Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JWK of " + k.kid + " is unreadable", e);
            }
        }).toList();
        return new Snapshot(new ActiveKey(newest.kid, RsaKeyPairs.parsePrivatePem(newest.privateKeyPem)), jwks, Instant.now());
    }
}
