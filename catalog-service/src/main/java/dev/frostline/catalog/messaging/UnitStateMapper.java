package dev.frostline.catalog.messaging;

import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.contracts.events.UnitState;

public final class UnitStateMapper {

    private UnitStateMapper() {
    }

    public static UnitState toState(Unit unit) {
        return new UnitState(unit.id, unit.orgId, unit.siteId, unit.areaId, unit.name, unit.type.wire(),
                unit.isDeleted(), unit.version, unit.updatedAt);
    }
}
