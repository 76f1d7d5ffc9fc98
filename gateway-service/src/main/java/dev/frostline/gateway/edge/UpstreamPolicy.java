package dev.frostline.gateway.edge;

import dev.frostline.gateway.config.GatewayConfig;
import java.time.Duration;

/** The timeouts and breaker settings in force for one upstream: its overrides, else the global ones. */
public record UpstreamPolicy(Duration connectTimeout, Duration responseTimeout, int breakerFailures,
        Duration breakerWindow, Duration breakerOpen) {

    public static UpstreamPolicy of(GatewayConfig.UpstreamOverrides overrides, GatewayConfig.Timeouts timeouts,
            GatewayConfig.Breaker breaker) {
        return new UpstreamPolicy(
                overrides.connectTimeout().orElse(timeouts.connect()),
                overrides.responseTimeout().orElse(timeouts.response()),
                overrides.breakerFailures().orElse(breaker.failureThreshold()),
                overrides.breakerWindow().orElse(breaker.failureWindow()),
                overrides.breakerOpen().orElse(breaker.openDuration()));
    }
}
