package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.Area;
import java.time.Instant;
import java.util.UUID;

public record AreaView(UUID id, UUID orgId, UUID siteId, String name, Instant createdAt, Instant updatedAt) {

    static AreaView of(Area area) {
        return new AreaView(area.id, area.orgId, area.siteId, area.name, area.createdAt, area.updatedAt);
    }
}
