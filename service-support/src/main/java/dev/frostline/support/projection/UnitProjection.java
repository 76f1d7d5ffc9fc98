package dev.frostline.support.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A service's local copy of one unit's catalog state, built from the compacted catalog topic.
 * Services that need "which org and site owns this unit" on a hot path read this table instead of
 * calling catalog. Each such service creates the table in its own schema (its Flyway migration).
 */
@Entity
@Table(name = "unit_projection")
public class UnitProjection {
    @Id
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "area_id")
    public UUID areaId;
    public String name;
    public String type;
    @Column(nullable = false)
    public boolean deleted;
    @Column(nullable = false)
    public long version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "site_name")
    public String siteName;
    /** The site's IANA time zone: local days for aggregates and exports. Null only for states older than the field. */
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "primary_sensor_id")
    public UUID primarySensorId;
}
