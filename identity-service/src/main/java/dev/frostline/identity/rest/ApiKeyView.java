package dev.frostline.identity.rest;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.identity.apikey.ApiKey;
import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never its secret. */
public record ApiKeyView(UUID id, String name, String prefix, Instant createdAt, Instant revokedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.name, ApiKeyFormat.SCHEME + "_" + key.prefix, key.createdAt, key.revokedAt);
    }
}
