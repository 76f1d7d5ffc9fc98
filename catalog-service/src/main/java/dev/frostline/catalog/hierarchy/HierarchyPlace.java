package dev.frostline.catalog.hierarchy;

import java.util.UUID;

/**
 * Where in the org > site > area > unit tree a change happened, as far down as it reaches: a site's
 * change has only a site, a unit's has all three. Realtime routes change events to site and unit
 * channels by it.
 */
public record HierarchyPlace(UUID siteId, UUID areaId, UUID unitId) {

    public static final HierarchyPlace NOWHERE = new HierarchyPlace(null, null, null);

    public static HierarchyPlace of(Unit unit) {
        return new HierarchyPlace(unit.siteId, unit.areaId, unit.id);
    }
}
