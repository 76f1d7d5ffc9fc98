package dev.frostline.catalog.hierarchy;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A monitored cold space (a fridge, a freezer, a walk-in). Invariant: {@code version} starts at 1 and
 * grows by exactly one with every change, because other services keep the state with the highest
 * version; a change that did not bump it would never reach their projections.
 */
@Entity
@Table(name = "units")
public class Unit {
    public static final long FIRST_VERSION = 1;

    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "site_id", nullable = false)
    public UUID siteId;
    @Column(name = "area_id", nullable = false)
    public UUID areaId;
    @Column(nullable = false)
    public String name;
    @Convert(converter = UnitTypeColumn.class)
    @Column(nullable = false)
    public UnitType type;
    public String description;
    @Column(nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Soft delete: the row stays so the deletion is published with a higher version, like any change. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** A unit takes its org and site from its area, never from the caller, so they cannot disagree. */
    public static Unit createIn(Area area, String name, UnitType type, String description, Instant now) {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        Unit unit = new Unit();
        unit.id = UUID.randomUUID();
        unit.orgId = area.orgId;
        unit.siteId = area.siteId;
        unit.areaId = area.id;
        unit.name = CatalogName.normalize(name);
        unit.type = type;
        unit.description = UnitDescription.normalize(description);
        unit.version = FIRST_VERSION;
        unit.createdAt = now;
        unit.updatedAt = now;
        return unit;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void delete(Instant now) {
        if (isDeleted()) {
            throw new IllegalStateException("unit " + id + " is already deleted");
        }
        deletedAt = now;
        changed(now);
    }

    private void changed(Instant now) {
        version++;
        updatedAt = now;
    }
}
