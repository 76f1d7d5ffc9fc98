package dev.frostline.identity.rest;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.identity.apikey.ApiKey;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key as listed: never its secret.
 *
 * @param siteId the one site the key may report for; null for every unit of the org
 * @param lastUsedAt when telemetry last accepted readings with it, to within a minute; null if never
 */
public record ApiKeyView(UUID id, String name, String prefix, UUID siteId, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.name, visiblePrefix(key), key.siteId, key.createdAt, key.lastUsedAt,
                key.revokedAt);
    }

    static String visiblePrefix(ApiKey key) {
        return ApiKeyFormat.SCHEME + "_" + key.prefix;
    }
}
