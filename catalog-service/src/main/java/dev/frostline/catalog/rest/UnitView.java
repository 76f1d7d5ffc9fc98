package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.Unit;
import java.time.Instant;
import java.util.UUID;

public record UnitView(UUID id, UUID orgId, UUID siteId, UUID areaId, String name, String type, String description,
        long version, Instant createdAt, Instant updatedAt, Instant deletedAt) {

    static UnitView of(Unit unit) {
        return new UnitView(unit.id, unit.orgId, unit.siteId, unit.areaId, unit.name, unit.type.wire(),
                unit.description, unit.version, unit.createdAt, unit.updatedAt, unit.deletedAt);
    }
}
