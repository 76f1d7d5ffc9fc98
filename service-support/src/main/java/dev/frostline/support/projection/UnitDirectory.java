package dev.frostline.support.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Answers "is this unit live, and in this org?" from the local projection. */
@ApplicationScoped
public class UnitDirectory {

    /**
     * The live unit with this ID in this org, or null: a unit of another org, a deleted unit and an
     * unknown unit look the same to the caller, which is what tenancy requires.
     */
    public Uni<UnitProjection> findLiveInOrg(UUID unitId, UUID orgId) {
        return Panache.getSession().chain(session -> session
                .createQuery("from UnitProjection where unitId = :unit and orgId = :org and deleted = false",
                        UnitProjection.class)
                .setParameter("unit", unitId)
                .setParameter("org", orgId)
                .getSingleResultOrNull());
    }

    /**
     * The live units of the site that belong to this org, by name. Empty for another org's site and
     * for an unknown one alike; a service knows sites only through their units.
     */
    public Uni<List<UnitProjection>> findLiveInSite(UUID siteId, UUID orgId) {
        return Panache.getSession().chain(session -> session
                .createQuery("from UnitProjection where siteId = :site and orgId = :org and deleted = false"
                        + " order by name, unitId", UnitProjection.class)
                .setParameter("site", siteId)
                .setParameter("org", orgId)
                .getResultList());
    }
}
