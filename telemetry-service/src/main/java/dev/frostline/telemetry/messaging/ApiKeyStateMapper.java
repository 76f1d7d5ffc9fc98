package dev.frostline.telemetry.messaging;

import dev.frostline.contracts.events.ApiKeyState;
import dev.frostline.telemetry.apikey.ApiKeyProjection;

public final class ApiKeyStateMapper {

    private ApiKeyStateMapper() {
    }

    public static ApiKeyProjection toProjection(ApiKeyState state) {
        ApiKeyProjection key = new ApiKeyProjection();
        key.keyId = state.keyId();
        key.orgId = state.orgId();
        key.siteId = state.siteId();
        key.prefix = state.prefix();
        key.secretHash = state.secretHash();
        key.revoked = state.revoked();
        key.updatedAt = state.updatedAt();
        return key;
    }
}
