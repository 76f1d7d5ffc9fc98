package dev.frostline.catalog.repository;

import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.device.SensorAssignment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SensorAssignmentRepository implements PanacheRepositoryBase<SensorAssignment, UUID> {

    /** The open stretch of the sensor's current assignment, or null. */
    public Uni<SensorAssignment> openOf(UUID sensorId) {
        return find("sensorId = ?1 and assignedTo is null", sensorId).firstResult();
    }

    /** Newest first; a sensor's whole life, which is bounded by how often people move it. */
    public Uni<List<SensorAssignment>> historyOf(UUID sensorId, UUID orgId) {
        return list("sensorId = ?1 and orgId = ?2 order by assignedFrom desc, id desc", sensorId, orgId);
    }

    /** The ID of the unit's primary sensor, or null; a sensor is unassigned before it is deleted. */
    public Uni<UUID> primaryIdOf(UUID unitId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select s.id from Sensor s where s.unitId = :unit and s.primary = true", UUID.class)
                .setParameter("unit", unitId)
                .getSingleResultOrNull());
    }

    /** The live sensor that is the unit's primary, locked, or null. */
    public Uni<Sensor> primaryOf(UUID unitId) {
        return getSession().chain(session -> session
                .createSelectionQuery("from Sensor s where s.unitId = :unit and s.primary = true", Sensor.class)
                .setParameter("unit", unitId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResultOrNull());
    }
}
