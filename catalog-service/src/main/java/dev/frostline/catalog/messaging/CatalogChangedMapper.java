package dev.frostline.catalog.messaging;

import dev.frostline.catalog.audit.AuditRecord;
import dev.frostline.catalog.hierarchy.HierarchyPlace;
import dev.frostline.contracts.events.CatalogChanged;

/** A catalog change event mirrors its audit record: same ID, actor, time, and the state after the change. */
public final class CatalogChangedMapper {

    private CatalogChangedMapper() {
    }

    public static CatalogChanged toEvent(AuditRecord record, HierarchyPlace place, long version) {
        return new CatalogChanged(record.id, record.orgId, record.entityType, record.entityId, record.operation,
                place.siteId(), place.areaId(), place.unitId(), record.actorId, version, record.after,
                record.occurredAt);
    }
}
