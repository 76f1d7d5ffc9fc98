package dev.frostline.catalog.hierarchy;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A monitored cold space (a fridge, a freezer, a walk-in). */
@Entity
@Table(name = "units")
public class Unit extends CatalogEntity {
    @Column(name = "site_id", nullable = false)
    public UUID siteId;
    @Column(name = "area_id", nullable = false)
    public UUID areaId;
    @Convert(converter = UnitTypeColumn.class)
    @Column(nullable = false)
    public UnitType type;
    public String description;
    /** The version of the last UnitState published for this unit; see {@link #nextStateVersion()}. */
    @Column(name = "state_version", nullable = false)
    public long stateVersion;

    /** A unit takes its org and site from its area, never from the caller, so they cannot disagree. */
    public static Unit createIn(Area area, String name, UnitType type, String description, Instant now) {
        Unit unit = new Unit();
        unit.initialize(area.orgId, name, now);
        unit.placeIn(area);
        unit.describe(type, description);
        return unit;
    }

    /** Updates the unit in place or moves it to {@code area} (of the same org), as one change. */
    public void update(Area area, String newName, UnitType newType, String newDescription, Instant now) {
        if (!area.orgId.equals(orgId)) {
            throw new IllegalArgumentException("a unit can only move within its organization");
        }
        rename(newName);
        placeIn(area);
        describe(newType, newDescription);
        changed(now);
    }

    /**
     * The version of the next published UnitState. It grows with every publication, not only with the
     * unit's own changes, because a site rename or a new primary sensor changes the published state too.
     * Callers hold the unit's row lock, so two transactions never publish the same version.
     */
    public long nextStateVersion() {
        return ++stateVersion;
    }

    private void placeIn(Area area) {
        siteId = area.siteId;
        areaId = area.id;
    }

    private void describe(UnitType newType, String newDescription) {
        if (newType == null) {
            throw new IllegalArgumentException("type is required");
        }
        type = newType;
        description = UnitDescription.normalize(newDescription);
    }

    @Override
    public EntityType entityType() {
        return EntityType.UNIT;
    }

    @Override
    public UUID parentId() {
        return areaId;
    }

    @Override
    protected void addSnapshotFields(Map<String, Object> state) {
        state.put("siteId", text(siteId));
        state.put("areaId", text(areaId));
        state.put("type", type.wire());
        state.put("description", description);
    }
}
