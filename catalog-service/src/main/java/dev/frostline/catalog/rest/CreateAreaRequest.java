package dev.frostline.catalog.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record CreateAreaRequest(@NotNull UUID siteId, @ValidName String name) {
}
