package dev.frostline.alert.rule;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a unit sits, as the catalog projection knows it: what decides which rules reach it.
 *
 * @param siteId null if not known
 * @param areaId null if not known
 * @param unitType the catalog's wire value ({@code fridge}, {@code freezer}, ...), or null
 */
public record UnitPlacement(UUID orgId, UUID siteId, UUID areaId, UUID unitId, String unitType) {

    public UnitPlacement {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
    }
}
