package dev.frostline.support.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service checks the bearer tokens of its callers. */
@ConfigMapping(prefix = "frostline.auth")
public interface AuthConfig {

    /**
     * Verified access tokens remembered (least recently used dropped first), each until its expiry,
     * so that a client's next request skips parsing, the RS256 check and the hop to a worker
     * thread. 0 turns the cache off.
     */
    @WithDefault("10000")
    int verifiedTokenCacheSize();
}
