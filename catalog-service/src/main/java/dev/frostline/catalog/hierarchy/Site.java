package dev.frostline.catalog.hierarchy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A physical location of an organization (a store, a kitchen, a warehouse). */
@Entity
@Table(name = "sites")
public class Site extends CatalogEntity {
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    public String address;
    public Double latitude;
    public Double longitude;

    public static Site create(UUID orgId, SiteDetails details, Instant now) {
        Site site = new Site();
        site.initialize(orgId, details.name(), now);
        site.apply(details);
        return site;
    }

    public void update(SiteDetails details, Instant now) {
        apply(details);
        changed(now);
    }

    private void apply(SiteDetails details) {
        rename(details.name());
        timeZone = details.timeZone();
        address = details.address();
        latitude = details.latitude();
        longitude = details.longitude();
    }

    @Override
    public EntityType entityType() {
        return EntityType.SITE;
    }

    @Override
    public UUID parentId() {
        return null;
    }

    @Override
    protected void addSnapshotFields(Map<String, Object> state) {
        state.put("timeZone", timeZone);
        state.put("address", address);
        state.put("latitude", latitude);
        state.put("longitude", longitude);
    }
}
