package dev.frostline.gateway.routing;

import dev.frostline.gateway.config.GatewayConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The route table of this gateway, read once; an invalid one fails startup (GatewayRoutes needs it to mount). */
public class ConfiguredRouteTable {

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config) {
        return RouteTableParser.parse(config.routes(), config.publicEndpoints());
    }
}
