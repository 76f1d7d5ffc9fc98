package dev.frostline.identity.repository;

import dev.frostline.identity.apikey.ApiKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Uni<List<ApiKey>> listOfOrg(UUID orgId) {
        return list("orgId = ?1 order by createdAt desc", orgId);
    }

    /** Tenancy: a key of another org is simply not found. */
    public Uni<ApiKey> findInOrg(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
