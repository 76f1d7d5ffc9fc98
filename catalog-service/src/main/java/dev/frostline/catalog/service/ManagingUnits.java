package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.hierarchy.Area;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.hierarchy.UnitType;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Creates, changes and moves units. Every change reaches the other services' projections as the
 * unit's new UnitState, through {@link ChangeRecorder}.
 */
@ApplicationScoped
public class ManagingUnits {

    private final CatalogStore store;
    private final CatalogLifecycle lifecycle;
    private final ChangeRecorder changes;

    public ManagingUnits(CatalogStore store, CatalogLifecycle lifecycle, ChangeRecorder changes) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.changes = changes;
    }

    @WithTransaction
    public Uni<Unit> create(Caller caller, UUID areaId, String name, UnitType type, String description) {
        return lifecycle.liveParent(caller, CatalogOperation.WRITE_UNITS, EntityType.AREA, Area.class, areaId)
                .chain(area -> {
                    Unit unit = Unit.createIn(area, name, type, description, CatalogClock.now());
                    return store.persist(unit).chain(() -> changes.record(caller, AuditOperation.CREATED, unit, null))
                            .replaceWith(unit);
                });
    }

    /** A different {@code areaId} moves the unit (site included), audited as {@code moved}. */
    @WithTransaction
    public Uni<Unit> update(Caller caller, UUID id, long expectedVersion, UUID areaId, String name, UnitType type,
            String description) {
        return lifecycle.liveForUpdate(caller, EntityType.UNIT, Unit.class, id, expectedVersion)
                .call(unit -> lifecycle.liveParent(caller, CatalogOperation.WRITE_UNITS, EntityType.AREA, Area.class, areaId)
                        .chain(area -> {
                            Map<String, Object> before = unit.snapshot();
                            AuditOperation operation = area.id.equals(unit.areaId) ? AuditOperation.UPDATED
                                    : AuditOperation.MOVED;
                            unit.update(area, name, type, description, CatalogClock.now());
                            return changes.record(caller, operation, unit, before);
                        }));
    }
}
