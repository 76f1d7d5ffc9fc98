package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;

/** @param role viewer, staff, manager, admin or owner */
public record ChangeRoleRequest(@NotBlank String role) {
}
