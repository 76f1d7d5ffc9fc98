package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "frostline.identity")
public interface IdentityConfig {

    /** The {@code iss} of every access token; every service verifies it. */
    String issuer();

    /** The {@code aud} of every access token; every service and the gateway require it. */
    String audience();

    /** How long an access token is valid. Short, because a token cannot be revoked before it expires. */
    Duration accessTokenTtl();

    /** How long one refresh token is valid; each refresh issues a successor with a fresh lifetime. */
    Duration refreshTokenTtl();
}
