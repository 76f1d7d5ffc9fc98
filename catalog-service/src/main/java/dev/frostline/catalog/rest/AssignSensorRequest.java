package dev.frostline.catalog.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Puts a sensor on a unit of the org; {@code primary} (default false) also makes it the unit's primary. */
public record AssignSensorRequest(@NotNull UUID unitId, Boolean primary) {
}
