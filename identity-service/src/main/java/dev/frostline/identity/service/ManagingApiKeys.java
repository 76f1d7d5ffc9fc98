package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.identity.apikey.ApiKey;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.apikey.ApiKeySecret;
import dev.frostline.identity.messaging.ApiKeyStateMapper;
import dev.frostline.identity.repository.ApiKeyRepository;
import dev.frostline.support.outbox.Outbox;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Creates, lists and revokes device API keys. Every change is written to the outbox in the same
 * transaction, so telemetry's projection of key state converges even across a Kafka outage.
 */
@ApplicationScoped
public class ManagingApiKeys {

    public record CreatedKey(ApiKey key, String secret) {
    }

    private final ApiKeyRepository keys;
    private final Outbox outbox;
    private final AuditTrail audit;

    public ManagingApiKeys(ApiKeyRepository keys, Outbox outbox, AuditTrail audit) {
        this.keys = keys;
        this.outbox = outbox;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<CreatedKey> create(Caller caller, String name) {
        caller.require(Role.ADMIN);
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.orgId = caller.orgId();
        key.name = name.trim();
        key.prefix = secret.prefix();
        key.secretHash = secret.hash();
        key.createdBy = caller.userId();
        key.createdAt = Instant.now();
        return keys.persist(key)
                .chain(() -> publish(key))
                .chain(() -> audit.record(AuditEntry.of(AuditAction.API_KEY_CREATED, key.orgId, caller.userId())
                        .target(key.id).detail("prefix", key.prefix)))
                .map(ignored -> new CreatedKey(key, secret.key()));
    }

    @WithSession
    public Uni<List<ApiKey>> list(Caller caller) {
        caller.require(Role.ADMIN);
        return keys.listOfOrg(caller.orgId());
    }

    @WithTransaction
    public Uni<ApiKey> revoke(Caller caller, UUID id) {
        return keys.findInOrg(id, caller.orgId()).chain(key -> {
            if (key == null) {
                return Uni.createFrom().failure(ProblemException.notFound("API key", id));
            }
            caller.require(Role.ADMIN);
            if (key.revokedAt != null) {
                return Uni.createFrom().item(key);
            }
            key.revokedAt = Instant.now();
            return publish(key)
                    .chain(() -> audit.record(AuditEntry.of(AuditAction.API_KEY_REVOKED, key.orgId, caller.userId())
                            .target(key.id).detail("prefix", key.prefix)))
                    .replaceWith(key);
        });
    }

    private Uni<Void> publish(ApiKey key) {
        return outbox.enqueue(Topics.IDENTITY_API_KEYS, key.id.toString(), ApiKeyStateMapper.toState(key));
    }
}
