package dev.frostline.catalog.device;

import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A device that reports readings. Its identity (DevEUI or serial) never changes; its current
 * assignment ({@code unitId}, {@code primary}) mirrors the open row of its assignment history.
 */
@Entity
@Table(name = "sensors")
public class Sensor extends CatalogEntity {
    @Column(name = "dev_eui")
    public String devEui;
    public String serial;
    @Column(nullable = false)
    public String model;
    @Convert(converter = MetricsColumn.class)
    @Column(nullable = false)
    public List<String> metrics;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "is_primary", nullable = false)
    public boolean primary;
    /** The version of the last SensorState published; see {@link #nextStateVersion()}. */
    @Column(name = "state_version", nullable = false)
    public long stateVersion;

    public static Sensor register(UUID orgId, String name, SensorIdentity identity, SensorDescription description,
            Instant now) {
        Sensor sensor = new Sensor();
        sensor.initialize(orgId, name, now);
        sensor.devEui = identity.devEui();
        sensor.serial = identity.serial();
        sensor.describe(description);
        return sensor;
    }

    public void update(String newName, SensorDescription description, Instant now) {
        rename(newName);
        describe(description);
        changed(now);
    }

    /**
     * The version of the next published SensorState: it also grows when the sensor's unit moves to
     * another site, which changes the published state but not the sensor. Callers hold the row lock.
     */
    public long nextStateVersion() {
        return ++stateVersion;
    }

    public boolean isAssigned() {
        return unitId != null;
    }

    public void assignTo(UUID unit, boolean asPrimary, Instant now) {
        if (isAssigned()) {
            throw new IllegalStateException("sensor " + id + " is already assigned");
        }
        unitId = unit;
        primary = asPrimary;
        changed(now);
    }

    public void setPrimary(boolean asPrimary, Instant now) {
        if (!isAssigned()) {
            throw new IllegalStateException("sensor " + id + " is not assigned");
        }
        primary = asPrimary;
        changed(now);
    }

    /** Leaves the unit; a deleted sensor is always unassigned first. */
    public void unassign(Instant now) {
        if (!isAssigned()) {
            throw new IllegalStateException("sensor " + id + " is not assigned");
        }
        unitId = null;
        primary = false;
        changed(now);
    }

    private void describe(SensorDescription description) {
        model = description.model();
        metrics = List.copyOf(description.metrics());
    }

    public SensorIdentity identity() {
        return new SensorIdentity(devEui, serial);
    }

    @Override
    public EntityType entityType() {
        return EntityType.SENSOR;
    }

    @Override
    public UUID parentId() {
        return null;
    }

    @Override
    protected void addSnapshotFields(Map<String, Object> state) {
        state.put("devEui", devEui);
        state.put("serial", serial);
        state.put("model", model);
        state.put("metrics", List.copyOf(metrics));
        state.put("unitId", text(unitId));
        state.put("primary", primary);
    }
}
