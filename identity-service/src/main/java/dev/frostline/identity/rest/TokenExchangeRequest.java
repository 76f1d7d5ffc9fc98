package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param subjectToken an access token (JWT) of a configured external issuer */
public record TokenExchangeRequest(@NotBlank @Size(max = 16384) String subjectToken) {
}
