package dev.frostline.identity.messaging;

import dev.frostline.contracts.events.ApiKeyState;
import dev.frostline.identity.apikey.ApiKey;
import java.time.Instant;

public final class ApiKeyStateMapper {

    private ApiKeyStateMapper() {
    }

    public static ApiKeyState toState(ApiKey key) {
        Instant updatedAt = key.revokedAt != null ? key.revokedAt : key.createdAt;
        return new ApiKeyState(key.id, key.orgId, key.siteId, key.prefix, key.secretHash, key.revokedAt != null,
                updatedAt);
    }
}
