package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.Site;
import java.time.Instant;
import java.util.UUID;

public record SiteView(UUID id, UUID orgId, String name, String timeZone, String address, Double latitude,
        Double longitude, long version, Instant createdAt, Instant updatedAt, Instant deletedAt) {

    static SiteView of(Site site) {
        return new SiteView(site.id, site.orgId, site.name, site.timeZone, site.address, site.latitude, site.longitude,
                site.version, site.createdAt, site.updatedAt, site.deletedAt);
    }
}
