package dev.frostline.gateway.routing;

import dev.frostline.gateway.config.GatewayConfig;
import java.net.URI;
import java.util.Locale;

/** A service behind the gateway. Its lower-case name is what clients read in problem details. */
public enum Area {
    IDENTITY, CATALOG, TELEMETRY, ALERT, REALTIME, STORAGE;

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The largest request body this area accepts at the edge. */
    public long maxBodyBytes(GatewayConfig config) {
        return this == STORAGE ? config.maxStorageBodySize().asLongValue() : config.maxBodySize().asLongValue();
    }

    public URI baseUri(GatewayConfig.Upstreams upstreams) {
        return switch (this) {
            case IDENTITY -> upstreams.identity();
            case CATALOG -> upstreams.catalog();
            case TELEMETRY -> upstreams.telemetry();
            case ALERT -> upstreams.alert();
            case REALTIME -> upstreams.realtime();
            case STORAGE -> upstreams.storage();
        };
    }

    public GatewayConfig.UpstreamOverrides overrides(GatewayConfig.PerUpstream perUpstream) {
        return switch (this) {
            case IDENTITY -> perUpstream.identity();
            case CATALOG -> perUpstream.catalog();
            case TELEMETRY -> perUpstream.telemetry();
            case ALERT -> perUpstream.alert();
            case REALTIME -> perUpstream.realtime();
            case STORAGE -> perUpstream.storage();
        };
    }
}
