package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.hierarchy.Area;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Creates and renames the areas of the caller's organization. */
@ApplicationScoped
public class ManagingAreas {

    private final CatalogStore store;
    private final CatalogLifecycle lifecycle;
    private final ChangeRecorder changes;

    public ManagingAreas(CatalogStore store, CatalogLifecycle lifecycle, ChangeRecorder changes) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.changes = changes;
    }

    @WithTransaction
    public Uni<Area> create(Caller caller, UUID siteId, String name) {
        return lifecycle.liveParent(caller, CatalogOperation.WRITE_AREAS, EntityType.SITE, Site.class, siteId)
                .chain(site -> {
                    Area area = Area.createIn(site, name, CatalogClock.now());
                    return store.persist(area).chain(() -> changes.record(caller, AuditOperation.CREATED, area, null))
                            .replaceWith(area);
                });
    }

    @WithTransaction
    public Uni<Area> update(Caller caller, UUID id, long expectedVersion, String name) {
        return lifecycle.liveForUpdate(caller, EntityType.AREA, Area.class, id, expectedVersion).call(area -> {
            Map<String, Object> before = area.snapshot();
            area.update(name, CatalogClock.now());
            return changes.record(caller, AuditOperation.UPDATED, area, before);
        });
    }
}
