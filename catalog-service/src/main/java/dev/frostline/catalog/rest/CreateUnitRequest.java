package dev.frostline.catalog.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** {@code type} is one of the lower-case unit types (fridge, freezer, walk_in, room, other). */
public record CreateUnitRequest(
        @NotNull UUID areaId,
        @ValidName String name,
        @KnownUnitType String type,
        @ValidDescription String description) {
}
