package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.apikey.ApiKeyProjection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyProjectionRepository implements PanacheRepositoryBase<ApiKeyProjection, UUID> {

    /*
     * Keeps the newest state by updated_at, and on a tie the revoked one: a redelivered or
     * out-of-order record never brings a revoked key back, and replaying the topic from the start
     * rebuilds the same table.
     */
    private static final String UPSERT = """
            insert into api_key_projection (key_id, org_id, prefix, secret_hash, revoked, updated_at, site_id)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            on conflict (key_id) do update set
              org_id = excluded.org_id, site_id = excluded.site_id, prefix = excluded.prefix,
              secret_hash = excluded.secret_hash,
              revoked = excluded.revoked, updated_at = excluded.updated_at
            where api_key_projection.updated_at < excluded.updated_at
               or (api_key_projection.updated_at = excluded.updated_at
                   and excluded.revoked and not api_key_projection.revoked)
            """;

    /** Call inside a transaction. */
    public Uni<Void> upsert(ApiKeyProjection key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, key.keyId)
                        .setParameter(2, key.orgId)
                        .setParameter(3, key.prefix)
                        .setParameter(4, key.secretHash)
                        .setParameter(5, key.revoked)
                        .setParameter(6, key.updatedAt)
                        .setParameter(7, key.siteId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
