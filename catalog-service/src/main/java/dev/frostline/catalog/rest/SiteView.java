package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.Site;
import java.time.Instant;
import java.util.UUID;

public record SiteView(UUID id, UUID orgId, String name, String timeZone, Instant createdAt, Instant updatedAt) {

    static SiteView of(Site site) {
        return new SiteView(site.id, site.orgId, site.name, site.timeZone, site.createdAt, site.updatedAt);
    }
}
