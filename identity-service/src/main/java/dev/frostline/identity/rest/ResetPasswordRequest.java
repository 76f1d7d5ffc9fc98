package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param token the token of the reset mail (43 characters; the bound only stops abuse) */
public record ResetPasswordRequest(@NotBlank @Size(max = 200) String token, @NotNull String newPassword) {
}
