package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;

public record PasswordResetRequest(@NotBlank String email) {
}
