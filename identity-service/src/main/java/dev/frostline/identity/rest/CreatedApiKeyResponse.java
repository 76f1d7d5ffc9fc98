package dev.frostline.identity.rest;

import java.time.Instant;
import java.util.UUID;

/** The only response that ever contains the key itself. {@code siteId} null: valid for the whole org. */
public record CreatedApiKeyResponse(UUID id, String name, String prefix, String key, UUID siteId, Instant createdAt) {
}
