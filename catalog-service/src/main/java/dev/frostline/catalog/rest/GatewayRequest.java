package dev.frostline.catalog.rest;

import dev.frostline.catalog.device.Eui64;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A LoRaWAN gateway to register at a site; {@code gatewayEui} is 16 hex digits, unique across the platform. */
public record GatewayRequest(@NotNull UUID siteId, @ValidName String name, String gatewayEui) {

    String canonicalEui() {
        return Eui64.normalize(gatewayEui).orElseThrow(() -> dev.frostline.support.problem.ProblemException.validation(
                "gatewayEui must be 16 hex digits (separators - and : are allowed)."));
    }
}
