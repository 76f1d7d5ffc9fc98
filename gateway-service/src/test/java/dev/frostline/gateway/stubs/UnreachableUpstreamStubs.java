package dev.frostline.gateway.stubs;

import java.util.Set;

/** As {@link UpstreamStubs}, with identity, catalog and realtime down (the JWKS stays reachable). */
public class UnreachableUpstreamStubs extends UpstreamStubs {

    @Override
    protected Set<String> unreachable() {
        return Set.of("identity", "catalog", "realtime");
    }
}
