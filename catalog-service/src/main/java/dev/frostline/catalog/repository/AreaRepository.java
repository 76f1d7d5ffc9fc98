package dev.frostline.catalog.repository;

import dev.frostline.catalog.hierarchy.Area;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AreaRepository implements PanacheRepositoryBase<Area, UUID> {

    /** The org's areas, of one site when {@code siteId} is not null. */
    public Uni<List<Area>> listOfOrg(UUID orgId, UUID siteId) {
        Parameters parameters = Parameters.with("org", orgId);
        String query = "orgId = :org";
        if (siteId != null) {
            query += " and siteId = :site";
            parameters.and("site", siteId);
        }
        return list(query + " order by createdAt, id", parameters);
    }

    /** Tenancy: an area of another org is simply not found. */
    public Uni<Area> findInOrg(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
