package dev.frostline.gateway.edge;

import dev.frostline.gateway.config.GatewayConfig;
import dev.frostline.gateway.routing.Area;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** Every upstream's {@link UpstreamPolicy}, resolved once at start. */
@ApplicationScoped
public class UpstreamPolicies {

    private final Map<Area, UpstreamPolicy> byArea = new EnumMap<>(Area.class);

    public UpstreamPolicies(GatewayConfig config) {
        for (Area area : Area.values()) {
            byArea.put(area, UpstreamPolicy.of(area.overrides(config.perUpstream()), config.timeouts(),
                    config.breaker()));
        }
    }

    public UpstreamPolicy of(Area area) {
        return byArea.get(area);
    }
}
