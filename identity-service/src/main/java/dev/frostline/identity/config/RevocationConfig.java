package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "frostline.identity.revocations")
public interface RevocationConfig {

    /**
     * How long a feed reader may keep a revocation: an access token's lifetime plus this margin.
     * The feed without {@code since} returns the revocations recorded within that time.
     */
    Duration retentionMargin();

    /**
     * How far the feed's {@code asOf} lags behind the query, so that a revocation whose transaction
     * commits while the feed is read still shows up in the next poll (which repeats some rows).
     */
    Duration feedOverlap();

    /** How often every replica reloads the revocations (a scheduler period such as 5s); read by its @Scheduled. */
    String reloadInterval();
}
