package dev.frostline.identity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** @param siteId optional: limit the key to the units of this site of the caller's org */
public record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name, UUID siteId) {
}
