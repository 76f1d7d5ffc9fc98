package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;

/** @param role the role the invitee gets on accepting: viewer, staff, manager, admin or owner */
public record CreateInviteRequest(@NotBlank String email, @NotBlank String role) {
}
