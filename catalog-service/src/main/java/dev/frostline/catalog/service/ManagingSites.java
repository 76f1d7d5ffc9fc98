package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.hierarchy.SiteDetails;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.permission.CatalogPermissions;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Creates and changes the sites of the caller's organization. */
@ApplicationScoped
public class ManagingSites {

    private final CatalogStore store;
    private final CatalogLifecycle lifecycle;
    private final ChangeRecorder changes;

    public ManagingSites(CatalogStore store, CatalogLifecycle lifecycle, ChangeRecorder changes) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.changes = changes;
    }

    @WithTransaction
    public Uni<Site> create(Caller caller, SiteDetails details) {
        CatalogPermissions.require(caller, CatalogOperation.WRITE_SITES);
        Site site = Site.create(caller.orgId(), details, CatalogClock.now());
        return store.persist(site).chain(() -> changes.record(caller, AuditOperation.CREATED, site, null)).replaceWith(site);
    }

    @WithTransaction
    public Uni<Site> update(Caller caller, UUID id, long expectedVersion, SiteDetails details) {
        return lifecycle.liveForUpdate(caller, EntityType.SITE, Site.class, id, expectedVersion).call(site -> {
            Map<String, Object> before = site.snapshot();
            site.update(details, CatalogClock.now());
            return changes.record(caller, AuditOperation.UPDATED, site, before);
        });
    }
}
