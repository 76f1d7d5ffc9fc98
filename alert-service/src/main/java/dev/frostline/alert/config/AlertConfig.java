package dev.frostline.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "frostline.alert")
public interface AlertConfig {

    Evaluation evaluation();

    interface Evaluation {
        /**
         * Attempts after the first to evaluate one reading (database restarts, lock timeouts). When
         * they are used up the readings channel stops and the service reports itself unhealthy, so it
         * is restarted and the reading redelivered: a reading is never skipped.
         */
        @WithDefault("5")
        int retries();

        /** First pause between attempts; it grows exponentially. */
        @WithDefault("PT0.5S")
        Duration retryBackoff();
    }
}
