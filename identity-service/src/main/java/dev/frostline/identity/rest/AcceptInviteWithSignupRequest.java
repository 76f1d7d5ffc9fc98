package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Accepting an invite without an account: creates one for the invited email. */
public record AcceptInviteWithSignupRequest(@NotBlank @Size(max = 200) String token, @NotNull String password,
        @Size(max = 200) String displayName) {
}
