package dev.frostline.catalog.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One stretch of time a sensor spent on a unit, as primary or not. Rows are closed, never changed
 * otherwise or deleted: reading history is attributed through them.
 */
@Entity
@Table(name = "sensor_assignments")
public class SensorAssignment {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "sensor_id", nullable = false)
    public UUID sensorId;
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;
    @Column(name = "is_primary", nullable = false)
    public boolean primary;
    @Column(name = "assigned_from", nullable = false)
    public Instant assignedFrom;
    @Column(name = "assigned_to")
    public Instant assignedTo;

    /** The open stretch that starts now for the sensor's current assignment. */
    public static SensorAssignment openFor(Sensor sensor, Instant now) {
        if (!sensor.isAssigned()) {
            throw new IllegalArgumentException("sensor " + sensor.id + " is not assigned");
        }
        SensorAssignment assignment = new SensorAssignment();
        assignment.id = UUID.randomUUID();
        assignment.orgId = sensor.orgId;
        assignment.sensorId = sensor.id;
        assignment.unitId = sensor.unitId;
        assignment.primary = sensor.primary;
        assignment.assignedFrom = now;
        return assignment;
    }

    public void close(Instant now) {
        if (assignedTo != null) {
            throw new IllegalStateException("assignment " + id + " is already closed");
        }
        assignedTo = now;
    }
}
