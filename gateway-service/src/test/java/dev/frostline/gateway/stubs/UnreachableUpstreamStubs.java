package dev.frostline.gateway.stubs;

import java.util.Set;

/**
 * As {@link UpstreamStubs}, with identity, catalog, alert and realtime down (the JWKS stays
 * reachable). alert is left to the breaker test alone, so its failure count is its own.
 */
public class UnreachableUpstreamStubs extends UpstreamStubs {

    @Override
    protected Set<String> unreachable() {
        return Set.of("identity", "catalog", "alert", "realtime");
    }
}
