package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record SwitchOrgRequest(@NotNull UUID orgId) {
}
