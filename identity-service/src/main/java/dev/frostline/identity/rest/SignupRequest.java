package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SignupRequest(
        @NotBlank String email,
        @NotNull String password,
        @Size(max = 200) String displayName,
        @NotBlank @Size(max = 200) String organizationName) {
}
