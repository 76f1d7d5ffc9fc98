package dev.frostline.catalog.repository;

import dev.frostline.catalog.hierarchy.Unit;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Only live units are ever returned: a deleted unit is as absent as a unit of another org. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

    /** The org's live units, narrowed to an area and/or a site when those are not null. */
    public Uni<List<Unit>> listLiveOfOrg(UUID orgId, UUID areaId, UUID siteId) {
        Parameters parameters = Parameters.with("org", orgId);
        String query = "orgId = :org and deletedAt is null";
        if (areaId != null) {
            query += " and areaId = :area";
            parameters.and("area", areaId);
        }
        if (siteId != null) {
            query += " and siteId = :site";
            parameters.and("site", siteId);
        }
        return list(query + " order by createdAt, id", parameters);
    }

    public Uni<Unit> findLiveInOrg(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2 and deletedAt is null", id, orgId).firstResult();
    }

    /**
     * Locks the row until the transaction ends, so two concurrent changes of one unit cannot both
     * compute the same next version and publish two different states under it.
     */
    public Uni<Unit> findLiveInOrgForUpdate(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2 and deletedAt is null", id, orgId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
