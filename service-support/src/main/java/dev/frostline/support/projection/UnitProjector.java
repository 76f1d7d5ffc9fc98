package dev.frostline.support.projection;

import dev.frostline.contracts.events.UnitState;
import dev.frostline.support.messaging.StoreRetry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link UnitProjection} current from the compacted {@code catalog-units} channel. The upsert
 * keeps the highest version, so redelivery and out-of-order delivery never move a unit backwards,
 * and a consumer that starts from the beginning of the topic rebuilds the same table. Each replica
 * reads the whole topic from the start every time it starts (its own consumer group, nothing
 * committed), so a restart repairs a projection that lost rows.
 * Enabled by the build property {@code frostline.projections.units=true}; the service then
 * configures the {@code catalog-units} channel and creates the table.
 */
@ApplicationScoped
@IfBuildProperty(name = "frostline.projections.units", stringValue = "true")
public class UnitProjector {

    private static final String UPSERT = """
            insert into unit_projection (unit_id, org_id, site_id, area_id, name, type, deleted, version, updated_at,
                                         site_name, time_zone, primary_sensor_id)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            on conflict (unit_id) do update set
              org_id = excluded.org_id, site_id = excluded.site_id, area_id = excluded.area_id,
              name = excluded.name, type = excluded.type, deleted = excluded.deleted,
              version = excluded.version, updated_at = excluded.updated_at, site_name = excluded.site_name,
              time_zone = excluded.time_zone, primary_sensor_id = excluded.primary_sensor_id
            where unit_projection.version < excluded.version
            """;

    @Incoming("catalog-units")
    public Uni<Void> apply(UnitState state) {
        if (state == null) {
            return Uni.createFrom().voidItem();
        }
        return StoreRetry.untilStored(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, state.unitId())
                .setParameter(2, state.orgId())
                .setParameter(3, state.siteId())
                .setParameter(4, state.areaId())
                .setParameter(5, state.name())
                .setParameter(6, state.type())
                .setParameter(7, state.deleted())
                .setParameter(8, state.version())
                .setParameter(9, state.updatedAt())
                .setParameter(10, state.siteName())
                .setParameter(11, state.timeZone())
                .setParameter(12, state.primarySensorId())
                .executeUpdate()))
                .replaceWithVoid(), () -> "unit state " + state.unitId() + " v" + state.version());
    }
}
