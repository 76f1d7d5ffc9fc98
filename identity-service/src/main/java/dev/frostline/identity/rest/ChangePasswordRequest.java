package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The new password's rules are checked by PasswordPolicy, with its own messages. */
public record ChangePasswordRequest(@NotNull @Size(max = 1000) String currentPassword, @NotNull String newPassword) {
}
