package dev.frostline.catalog.hierarchy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A part of a site (a back room, a loading dock) that groups units. */
@Entity
@Table(name = "areas")
public class Area extends CatalogEntity {
    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    /** An area takes its org from its site, never from the caller, so the two cannot disagree. */
    public static Area createIn(Site site, String name, Instant now) {
        Area area = new Area();
        area.initialize(site.orgId, name, now);
        area.siteId = site.id;
        return area;
    }

    public void update(String newName, Instant now) {
        rename(newName);
        changed(now);
    }

    @Override
    public EntityType entityType() {
        return EntityType.AREA;
    }

    @Override
    public UUID parentId() {
        return siteId;
    }

    @Override
    protected void addSnapshotFields(Map<String, Object> state) {
        state.put("siteId", text(siteId));
    }
}
