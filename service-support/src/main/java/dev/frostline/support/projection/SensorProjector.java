package dev.frostline.support.projection;

import dev.frostline.contracts.events.SensorState;
import dev.frostline.support.messaging.StoreRetry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link SensorProjection} current from the compacted {@code catalog-sensors} channel, keeping
 * the highest version like {@link UnitProjector}. Enabled by the build property
 * {@code frostline.projections.sensors=true}; the service then configures the channel and creates
 * the table.
 */
@ApplicationScoped
@IfBuildProperty(name = "frostline.projections.sensors", stringValue = "true")
public class SensorProjector {

    private static final String UPSERT = """
            insert into sensor_projection (sensor_id, org_id, dev_eui, serial, model, unit_id, site_id, is_primary,
                                           deleted, version, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            on conflict (sensor_id) do update set
              org_id = excluded.org_id, dev_eui = excluded.dev_eui, serial = excluded.serial, model = excluded.model,
              unit_id = excluded.unit_id, site_id = excluded.site_id, is_primary = excluded.is_primary,
              deleted = excluded.deleted, version = excluded.version, updated_at = excluded.updated_at
            where sensor_projection.version < excluded.version
            """;

    @Incoming("catalog-sensors")
    public Uni<Void> apply(SensorState state) {
        if (state == null) {
            return Uni.createFrom().voidItem();
        }
        return StoreRetry.untilStored(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, state.sensorId())
                .setParameter(2, state.orgId())
                .setParameter(3, state.devEui())
                .setParameter(4, state.serial())
                .setParameter(5, state.model())
                .setParameter(6, state.unitId())
                .setParameter(7, state.siteId())
                .setParameter(8, state.primary())
                .setParameter(9, state.deleted())
                .setParameter(10, state.version())
                .setParameter(11, state.updatedAt())
                .executeUpdate()))
                .replaceWithVoid(), () -> "sensor state " + state.sensorId() + " v" + state.version());
    }
}
