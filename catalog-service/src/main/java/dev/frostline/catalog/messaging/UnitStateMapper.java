package dev.frostline.catalog.messaging;

import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.contracts.events.UnitState;
import java.util.UUID;

public final class UnitStateMapper {

    private UnitStateMapper() {
    }

    /**
     * @param site the unit's site, whose name and time zone the consumers keep with the unit
     * @param version the unit's next state version, not its row version
     */
    public static UnitState toState(Unit unit, Site site, UUID primarySensorId, long version) {
        return new UnitState(unit.id, unit.orgId, unit.siteId, unit.areaId, unit.name, unit.type.wire(),
                unit.isDeleted(), version, unit.updatedAt, site.name, site.timeZone, primarySensorId);
    }
}
