package dev.frostline.catalog.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A unit as created (POST) or replaced (PUT; another {@code areaId} of the org moves it).
 * {@code type} is one of fridge, freezer, walk_in, room, other.
 */
public record UnitRequest(
        @NotNull UUID areaId,
        @ValidName String name,
        @KnownUnitType String type,
        @ValidDescription String description) {
}
