package dev.frostline.catalog.rest;

import dev.frostline.catalog.device.Gateway;
import java.time.Instant;
import java.util.UUID;

public record GatewayView(UUID id, UUID orgId, UUID siteId, String name, String gatewayEui, long version,
        Instant createdAt, Instant updatedAt, Instant deletedAt) {

    static GatewayView of(Gateway gateway) {
        return new GatewayView(gateway.id, gateway.orgId, gateway.siteId, gateway.name, gateway.gatewayEui,
                gateway.version, gateway.createdAt, gateway.updatedAt, gateway.deletedAt);
    }
}
