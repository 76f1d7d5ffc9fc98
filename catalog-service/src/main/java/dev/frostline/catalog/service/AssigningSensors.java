package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.device.SensorAssignment;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.permission.CatalogPermissions;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.catalog.repository.SensorAssignmentRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts sensors on units and takes them off. A sensor is on at most one unit; a unit has at most one
 * primary sensor (making another one primary demotes the current one, audited on both).
 */
@ApplicationScoped
public class AssigningSensors {

    private final CatalogStore store;
    private final CatalogLifecycle lifecycle;
    private final SensorPlacement placement;
    private final SensorAssignmentRepository assignments;
    private final ChangeRecorder changes;

    public AssigningSensors(CatalogStore store, CatalogLifecycle lifecycle, SensorPlacement placement,
            SensorAssignmentRepository assignments, ChangeRecorder changes) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.placement = placement;
        this.assignments = assignments;
        this.changes = changes;
    }

    /** Refused with sensor-already-assigned while the sensor is on a unit, even the same one: unassign first. */
    @WithTransaction
    public Uni<Sensor> assign(Caller caller, UUID sensorId, UUID unitId, boolean primary) {
        return liveSensor(caller, sensorId)
                .call(sensor -> lifecycle.liveParent(caller, CatalogOperation.ASSIGN_SENSORS, EntityType.UNIT, Unit.class,
                        unitId).chain(unit -> {
                            if (sensor.isAssigned()) {
                                return Uni.createFrom().failure(new ProblemException(CatalogProblems.SENSOR_ALREADY_ASSIGNED,
                                        "Sensor " + sensor.id + " is already assigned to unit " + sensor.unitId
                                                + "; unassign it first."));
                            }
                            Instant now = CatalogClock.now();
                            Uni<Void> demoted = primary ? demotePrimaryOf(caller, unit.id, now) : Uni.createFrom().voidItem();
                            Map<String, Object> before = sensor.snapshot();
                            return demoted.chain(() -> placement.change(sensor, now, s -> s.assignTo(unit.id, primary, now)))
                                    .chain(() -> changes.record(caller, AuditOperation.ASSIGNED, sensor, before));
                        }));
    }

    @WithTransaction
    public Uni<Sensor> unassign(Caller caller, UUID sensorId) {
        return liveSensor(caller, sensorId).call(sensor -> {
            CatalogPermissions.require(caller, CatalogOperation.ASSIGN_SENSORS);
            if (!sensor.isAssigned()) {
                return Uni.createFrom().failure(notAssigned(sensor));
            }
            Map<String, Object> before = sensor.snapshot();
            return placement.release(sensor, CatalogClock.now())
                    .chain(() -> changes.record(caller, AuditOperation.UNASSIGNED, sensor, before));
        });
    }

    /** Making the primary primary again changes nothing (and records nothing). */
    @WithTransaction
    public Uni<Sensor> makePrimary(Caller caller, UUID sensorId) {
        return liveSensor(caller, sensorId).call(sensor -> {
            CatalogPermissions.require(caller, CatalogOperation.ASSIGN_SENSORS);
            if (!sensor.isAssigned()) {
                return Uni.createFrom().failure(notAssigned(sensor));
            }
            if (sensor.primary) {
                return Uni.createFrom().voidItem();
            }
            Instant now = CatalogClock.now();
            Map<String, Object> before = sensor.snapshot();
            return demotePrimaryOf(caller, sensor.unitId, now)
                    .chain(() -> placement.change(sensor, now, s -> s.setPrimary(true, now)))
                    .chain(() -> changes.record(caller, AuditOperation.MADE_PRIMARY, sensor, before));
        });
    }

    /** The sensor's assignments, newest first; also of a deleted sensor, whose readings still exist. */
    @WithSession
    public Uni<List<SensorAssignment>> history(Caller caller, UUID sensorId) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return store.findInOrg(Sensor.class, sensorId, caller.orgId(), LockModeType.NONE).chain(sensor -> sensor == null
                ? Uni.createFrom().failure(CatalogProblems.notFound(EntityType.SENSOR, sensorId))
                : assignments.historyOf(sensorId, caller.orgId()));
    }

    private Uni<Sensor> liveSensor(Caller caller, UUID sensorId) {
        return lifecycle.liveForChange(caller, EntityType.SENSOR, Sensor.class, sensorId, CatalogOperation.READ);
    }

    private Uni<Void> demotePrimaryOf(Caller caller, UUID unitId, Instant now) {
        return assignments.primaryOf(unitId).chain(current -> {
            if (current == null) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> before = current.snapshot();
            return placement.change(current, now, s -> s.setPrimary(false, now))
                    .chain(() -> changes.record(caller, AuditOperation.PRIMARY_REVOKED, current, before));
        });
    }

    private static ProblemException notAssigned(Sensor sensor) {
        return new ProblemException(CatalogProblems.SENSOR_NOT_ASSIGNED, "Sensor " + sensor.id + " is not assigned to a unit.");
    }
}
