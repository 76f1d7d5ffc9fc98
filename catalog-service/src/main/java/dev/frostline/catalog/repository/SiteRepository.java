package dev.frostline.catalog.repository;

import dev.frostline.catalog.hierarchy.Site;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, UUID> {

    public Uni<List<Site>> listOfOrg(UUID orgId) {
        return list("orgId = ?1 order by createdAt, id", orgId);
    }

    /** Tenancy: a site of another org is simply not found. */
    public Uni<Site> findInOrg(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
