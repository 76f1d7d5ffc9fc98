package dev.frostline.realtime.repository;

import dev.frostline.realtime.channel.ChannelAuthorization;
import dev.frostline.realtime.service.OwnContext;
import dev.frostline.support.projection.UnitDirectory;
import dev.frostline.support.projection.UnitProjection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Answers channel authorization from {@code unit_projection}, realtime's copy of catalog's compacted units
 * topic. Read once per subscribe, never per event (routing needs only the event's own IDs), so a table
 * lookup costs nothing on the hot path and keeps no second copy of the catalog in each replica's memory.
 */
@ApplicationScoped
public class ProjectionDirectory implements ChannelAuthorization.Directory {

    private final UnitDirectory units;
    private final OwnContext ownContext;

    public ProjectionDirectory(UnitDirectory units, OwnContext ownContext) {
        this.units = units;
        this.ownContext = ownContext;
    }

    @Override
    public Uni<Boolean> isLiveUnitOf(UUID unitId, UUID orgId) {
        return ownContext.run(() -> Panache.withSession(() -> units.findLiveInOrg(unitId, orgId)))
                .map(unit -> unit != null);
    }

    @Override
    public Uni<Boolean> isLiveSiteOf(UUID siteId, UUID orgId) {
        return ownContext.run(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createQuery("from UnitProjection where siteId = :site and orgId = :org and deleted = false",
                        UnitProjection.class)
                .setParameter("site", siteId)
                .setParameter("org", orgId)
                .setMaxResults(1)
                .getResultList())))
                .map(found -> !found.isEmpty());
    }
}
