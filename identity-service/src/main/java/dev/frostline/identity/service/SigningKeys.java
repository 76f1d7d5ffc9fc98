package dev.frostline.identity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.config.IdentityConfig;
import dev.frostline.identity.config.SigningKeyConfig;
import dev.frostline.identity.repository.SigningKeyRepository;
import dev.frostline.identity.signing.KeyRing;
import dev.frostline.identity.signing.KeyTimeline;
import dev.frostline.identity.signing.PrivateKeyCipher;
import dev.frostline.identity.signing.RsaKeyPairs;
import dev.frostline.identity.signing.SigningKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The RS256 keys identity signs with. Keys live in identity's database so that every replica signs
 * with the same key and a restart invalidates no token. The first start creates one, active at once.
 *
 * <p>Rotation without downtime ({@link KeyRing} has the rules): a new key is published in the JWKS at
 * once but signs only after the propagation delay, so every verifier knows it before it sees a token
 * signed with it; the key it replaces stays published until its last tokens have expired, then the
 * retirement job (a plain conditional UPDATE, safe on any number of replicas) drops it.
 * The published set is cached briefly: a change made on another replica shows up within the TTL,
 * far inside the propagation delay.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Duration CACHE_TTL = Duration.ofSeconds(30);

    public record ActiveKey(String kid, PrivateKey privateKey) {
    }

    /** The private key is decrypted and parsed once per load, not per token. */
    private record Published(SigningKey key, Map<String, Object> jwk, PrivateKey privateKey) {
    }

    private record Snapshot(List<Published> keys, Instant loadedAt) {
    }

    private final SigningKeyRepository repository;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Clock clock;
    private final IdentityConfig identity;
    private final SigningKeyConfig config;
    private final AuditTrail audit;
    private final PrivateKeyCipher cipher;
    private volatile Snapshot snapshot;

    public SigningKeys(SigningKeyRepository repository, ObjectMapper mapper, Vertx vertx, Clock clock,
            IdentityConfig identity, SigningKeyConfig config, AuditTrail audit) {
        this.repository = repository;
        this.mapper = mapper;
        this.vertx = vertx;
        this.clock = clock;
        this.identity = identity;
        this.config = config;
        this.audit = audit;
        this.cipher = new PrivateKeyCipher(config.keySecret());
    }

    public Uni<ActiveKey> signingKey() {
        return snapshot().map(current -> {
            List<KeyTimeline> timelines = current.keys().stream().map(p -> p.key().timeline()).toList();
            String kid = KeyRing.signing(timelines, clock.instant()).orElseThrow().kid();
            Published signing = current.keys().stream().filter(p -> p.key().kid.equals(kid)).findFirst().orElseThrow();
            if (signing.privateKey() == null) {
                throw new IllegalStateException("signing key " + kid + " cannot be decrypted; rotate the signing key");
            }
            return new ActiveKey(kid, signing.privateKey());
        });
    }

    /** Public JWKs of every unretired key: pending, current and previous. */
    public Uni<List<Map<String, Object>>> publicKeys() {
        return snapshot().map(current -> current.keys().stream().map(Published::jwk).toList());
    }

    /** Every key, retired ones included, newest first; for operators. */
    public Uni<List<SigningKey>> all() {
        return Panache.withSession(() -> repository.list("order by createdAt desc"));
    }

    /**
     * Creates the successor of the current key: published now, signing after the propagation delay.
     * Every key it supersedes gets its retirement time.
     */
    public Uni<SigningKey> rotate() {
        return generate().chain(pair -> Panache.withTransaction(() -> repository.lockForCreation()
                .chain(repository::listActive)
                .chain(active -> {
                    Instant now = clock.instant();
                    Instant activatesAt = now.plus(config.propagationDelay());
                    Instant retiresAt = KeyRing.retiresAt(activatesAt, identity.accessTokenTtl(), config.retirementLeeway());
                    active.stream().filter(k -> k.retiresAt == null).forEach(k -> k.retiresAt = retiresAt);
                    return insert(pair, now, activatesAt);
                })
                .call(key -> audit.record(AuditEntry.of(AuditAction.SIGNING_KEY_ROTATED, null, null).target(key.kid)
                        .detail("activatesAt", key.activatesAt.toString())))))
                .invoke(key -> {
                    snapshot = null;
                    Log.infof("rotated signing key: %s signs from %s", key.kid, key.activatesAt);
                });
    }

    @Scheduled(every = "${frostline.identity.signing.retirement-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retireOnSchedule() {
        return retireExpired().replaceWithVoid();
    }

    /** Retires the superseded keys whose tokens have all expired; returns how many. */
    public Uni<Integer> retireExpired() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> repository.update(
                        "retiredAt = ?1 where retiredAt is null and retiresAt is not null and retiresAt <= ?1", now))
                .invoke(retired -> {
                    if (retired > 0) {
                        snapshot = null;
                        Log.infof("retired %d signing key(s)", retired);
                    }
                });
    }

    private Uni<Snapshot> snapshot() {
        Snapshot current = snapshot;
        if (current != null && current.loadedAt().plus(CACHE_TTL).isAfter(clock.instant())) {
            return Uni.createFrom().item(current);
        }
        return load();
    }

    private Uni<Snapshot> load() {
        Instant loadedAt = clock.instant();
        return Panache.withSession(repository::listActive)
                .chain(keys -> keys.isEmpty() ? createFirstKey() : Uni.createFrom().item(keys))
                .map(keys -> new Snapshot(keys.stream().map(this::published).toList(), loadedAt))
                .invoke(loaded -> snapshot = loaded);
    }

    private Uni<List<SigningKey>> createFirstKey() {
        return generate().chain(pair -> Panache.withTransaction(() -> repository.lockForCreation()
                .chain(repository::listActive)
                .chain(keys -> {
                    if (!keys.isEmpty()) {
                        return Uni.createFrom().item(keys);
                    }
                    Instant now = clock.instant();
                    return insert(pair, now, now).map(List::of);
                })));
    }

    /** Key generation takes up to a second of CPU: off the event loop, and before any transaction. */
    private Uni<KeyPair> generate() {
        return vertx.executeBlocking(Uni.createFrom().item(RsaKeyPairs::generate), false);
    }

    private Uni<SigningKey> insert(KeyPair pair, Instant now, Instant activatesAt) {
        SigningKey key = new SigningKey();
        key.kid = UUID.randomUUID().toString();
        key.privateKeyPem = cipher.seal(RsaKeyPairs.privatePem(pair.getPrivate()));
        try {
            key.publicJwk = mapper.writeValueAsString(RsaKeyPairs.publicJwk((RSAPublicKey) pair.getPublic(), key.kid));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        key.createdAt = now;
        key.activatesAt = activatesAt;
        Log.infof("created signing key %s, signing from %s", key.kid, activatesAt);
        return repository.persist(key);
    }

    /**
     * null when the key cannot be decrypted (FROSTLINE_SIGNING_KEY_SECRET lost or changed): the JWKS
     * still serves every key, so a rotation can replace it; only signing with it fails.
     */
    private PrivateKey privateKey(SigningKey key) {
        try {
            return RsaKeyPairs.parsePrivatePem(cipher.open(key.privateKeyPem));
        } catch (IllegalStateException e) {
            Log.errorf("signing key %s is unusable: %s", key.kid, e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private Published published(SigningKey key) {
        try {
            return new Published(key, (Map<String, Object>) mapper.readValue(key.publicJwk, Map.class), privateKey(key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JWK of " + key.kid + " is unreadable", e);
        }
    }
}
