package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** @param orgId the organization to act in; omit to use the first one */
public record TokenRequest(@NotNull String email, @NotNull String password, UUID orgId) {
}
