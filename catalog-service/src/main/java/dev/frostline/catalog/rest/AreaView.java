package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.Area;
import java.time.Instant;
import java.util.UUID;

public record AreaView(UUID id, UUID orgId, UUID siteId, String name, long version, Instant createdAt,
        Instant updatedAt, Instant deletedAt) {

    static AreaView of(Area area) {
        return new AreaView(area.id, area.orgId, area.siteId, area.name, area.version, area.createdAt, area.updatedAt,
                area.deletedAt);
    }
}
