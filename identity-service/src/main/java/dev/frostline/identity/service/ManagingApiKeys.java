package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ApiKeyUsed;
import dev.frostline.identity.apikey.ApiKey;
import dev.frostline.identity.apikey.ApiKeySecret;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.catalog.CatalogSites;
import dev.frostline.identity.catalog.CatalogSites.SiteLookup;
import dev.frostline.identity.messaging.ApiKeyStateMapper;
import dev.frostline.identity.repository.ApiKeyRepository;
import dev.frostline.support.outbox.Outbox;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
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
    private final CatalogSites sites;

    public ManagingApiKeys(ApiKeyRepository keys, Outbox outbox, AuditTrail audit, CatalogSites sites) {
        this.keys = keys;
        this.outbox = outbox;
        this.audit = audit;
        this.sites = sites;
    }

    /**
     * Creates a key for the caller's org, or for one of its sites. The site is confirmed with
     * catalog before the transaction opens (no connection is held while catalog answers); a site
     * catalog does not show the caller is a 404, and an unconfirmable one creates nothing.
     *
     * @param siteId null for a key valid for every unit of the org
     * @param authorization the caller's Authorization header, forwarded to catalog
     */
    public Uni<CreatedKey> create(Caller caller, String name, UUID siteId, String authorization) {
        caller.require(Role.ADMIN);
        Uni<Void> siteConfirmed = siteId == null ? Uni.createFrom().voidItem()
                : sites.lookUp(siteId, authorization).map(found -> {
                    if (found != SiteLookup.FOUND) {
                        throw ProblemException.notFound("Site", siteId);
                    }
                    return null;
                });
        return siteConfirmed.chain(() -> Panache.withTransaction(() -> persistNew(caller, name, siteId)));
    }

    private Uni<CreatedKey> persistNew(Caller caller, String name, UUID siteId) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.orgId = caller.orgId();
        key.siteId = siteId;
        key.name = name.trim();
        key.prefix = secret.prefix();
        key.secretHash = secret.hash();
        key.createdBy = caller.userId();
        key.createdAt = Instant.now();
        AuditEntry created = AuditEntry.of(AuditAction.API_KEY_CREATED, key.orgId, caller.userId())
                .target(key.id).detail("prefix", key.prefix);
        return keys.persist(key)
                .chain(() -> publish(key))
                .chain(() -> audit.record(siteId == null ? created : created.detail("siteId", siteId.toString())))
                .map(ignored -> new CreatedKey(key, secret.key()));
    }

    /**
     * Applies telemetry's report that the key was used. Never moves {@code lastUsedAt} back: reports
     * from several telemetry replicas, or a replay of the topic, may arrive in any order.
     */
    public Uni<Void> recordUse(ApiKeyUsed used) {
        return Panache.withTransaction(() -> keys.recordUse(used.keyId(), used.orgId(), used.lastUsedAt()))
                .replaceWithVoid();
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
