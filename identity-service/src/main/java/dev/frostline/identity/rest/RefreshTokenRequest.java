package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of refresh and logout. Issued tokens are 43 characters; the bound only stops abuse. */
public record RefreshTokenRequest(@NotBlank @Size(max = 200) String refreshToken) {
}
