package dev.frostline.catalog.hierarchy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A part of a site (a back room, a loading dock) that groups units. */
@Entity
@Table(name = "areas")
public class Area {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "site_id", nullable = false)
    public UUID siteId;
    @Column(nullable = false)
    public String name;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** An area takes its org from its site, never from the caller, so the two cannot disagree. */
    public static Area createIn(Site site, String name, Instant now) {
        Area area = new Area();
        area.id = UUID.randomUUID();
        area.orgId = site.orgId;
        area.siteId = site.id;
        area.name = CatalogName.normalize(name);
        area.createdAt = now;
        area.updatedAt = now;
        return area;
    }
}
