package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.device.SensorDescription;
import dev.frostline.catalog.device.SensorIdentity;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.permission.CatalogPermissions;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Registers and describes the sensors of the caller's organization. */
@ApplicationScoped
public class ManagingSensors {

    private final CatalogStore store;
    private final CatalogLifecycle lifecycle;
    private final ChangeRecorder changes;

    public ManagingSensors(CatalogStore store, CatalogLifecycle lifecycle, ChangeRecorder changes) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.changes = changes;
    }

    /** A DevEUI or serial already registered, in any org, is refused without saying where it is. */
    @WithTransaction
    public Uni<Sensor> register(Caller caller, String name, SensorIdentity identity, SensorDescription description) {
        CatalogPermissions.require(caller, CatalogOperation.WRITE_SENSORS);
        Sensor sensor = Sensor.register(caller.orgId(), name, identity, description, CatalogClock.now());
        String field = identity.devEui() != null ? "devEui" : "serial";
        Object value = identity.devEui() != null ? identity.devEui() : identity.serial();
        return store.takenAnywhere(Sensor.class, field, value).chain(taken -> {
            if (taken) {
                return Uni.createFrom().failure(duplicate(identity));
            }
            return DuplicateIdentifiers.refuse(store.persist(sensor), () -> duplicate(identity))
                    .chain(() -> changes.record(caller, AuditOperation.CREATED, sensor, null))
                    .replaceWith(sensor);
        });
    }

    @WithTransaction
    public Uni<Sensor> update(Caller caller, UUID id, long expectedVersion, String name, SensorDescription description) {
        return lifecycle.liveForUpdate(caller, EntityType.SENSOR, Sensor.class, id, expectedVersion).call(sensor -> {
            Map<String, Object> before = sensor.snapshot();
            sensor.update(name, description, CatalogClock.now());
            return changes.record(caller, AuditOperation.UPDATED, sensor, before);
        });
    }

    private static ProblemException duplicate(SensorIdentity identity) {
        return new ProblemException(CatalogProblems.DUPLICATE_SENSOR, "A sensor with " + identity.describe()
                + " is already registered. Each device can be registered once; check the identifier.");
    }
}
