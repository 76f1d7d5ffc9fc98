package dev.frostline.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "frostline.alert")
public interface AlertConfig {

    Timers timers();

    interface Timers {
        /**
         * Whether this instance polls the timers table (and starts the offline watch of new units).
         * Every instance may: rows are taken with FOR UPDATE SKIP LOCKED. Tests switch it off and poll
         * by hand against their own clock.
         */
        @WithDefault("true")
        boolean enabled();

        /** How often due timers are looked for: an alarm or escalation fires at most this late. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Timers (and new units) taken per transaction. */
        @WithDefault("500")
        int batchSize();
    }
}
