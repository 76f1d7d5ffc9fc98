package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "frostline.identity.signing")
public interface SigningKeyConfig {

    /**
     * How long a new key is only published before it signs, so every verifier has fetched it:
     * longer than the gateway's JWKS cache and the services' forced refresh on an unknown kid (1 min).
     */
    Duration propagationDelay();

    /** Added to the access-token lifetime before a superseded key is retired (clock skew, caches). */
    Duration retirementLeeway();

    /** How often the retirement job runs (a scheduler period such as 60s); read by its @Scheduled. */
    String retirementCheckInterval();

    /** Encrypts private keys stored from now on (AES-256-GCM); unset stores them as plain PEM. */
    Optional<String> keySecret();
}
