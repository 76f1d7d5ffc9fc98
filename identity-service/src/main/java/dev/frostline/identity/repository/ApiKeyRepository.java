package dev.frostline.identity.repository;

import dev.frostline.identity.apikey.ApiKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Uni<List<ApiKey>> listOfOrg(UUID orgId) {
        return list("orgId = ?1 order by createdAt desc", orgId);
    }

    /** Call inside a transaction. One statement: concurrent reports never lose the newest time. */
    public Uni<Integer> recordUse(UUID id, UUID orgId, Instant usedAt) {
        // PostgreSQL's greatest() skips nulls: a never-used key takes the reported time.
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update api_keys set last_used_at = greatest(last_used_at, ?1) where id = ?2 and org_id = ?3")
                .setParameter(1, usedAt)
                .setParameter(2, id)
                .setParameter(3, orgId)
                .executeUpdate());
    }

    /** Tenancy: a key of another org is simply not found. */
    public Uni<ApiKey> findInOrg(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
