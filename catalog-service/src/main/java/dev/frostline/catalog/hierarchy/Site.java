package dev.frostline.catalog.hierarchy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A physical location of an organization (a store, a kitchen, a warehouse). */
@Entity
@Table(name = "sites")
public class Site {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(nullable = false)
    public String name;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Site create(UUID orgId, String name, String timeZone, Instant now) {
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.orgId = orgId;
        site.name = CatalogName.normalize(name);
        site.timeZone = SiteTimeZone.resolve(timeZone)
                .orElseThrow(() -> new IllegalArgumentException("unknown time zone: " + timeZone));
        site.createdAt = now;
        site.updatedAt = now;
        return site;
    }
}
