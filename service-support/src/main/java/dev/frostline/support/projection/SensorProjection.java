package dev.frostline.support.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A service's local copy of one sensor's catalog state (which org owns it, which unit it is on),
 * built from the compacted catalog sensors topic, so that a reading naming a sensor by ID or DevEUI
 * is resolved to its unit without calling catalog. The service creates the table in its own schema.
 */
@Entity
@Table(name = "sensor_projection")
public class SensorProjection {
    @Id
    @Column(name = "sensor_id")
    public UUID sensorId;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "dev_eui")
    public String devEui;
    public String serial;
    public String model;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "is_primary", nullable = false)
    public boolean primary;
    @Column(nullable = false)
    public boolean deleted;
    @Column(nullable = false)
    public long version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
