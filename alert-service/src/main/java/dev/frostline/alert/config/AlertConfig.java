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

        /**
         * The safety poll: how often the timers table is looked at whatever the in-process alarm says
         * (rows another instance wrote since this one last looked fire at most this late), and new
         * units get their offline watch. A timer this instance wrote, or saw as the earliest row after
         * a pass, fires when it falls due.
         */
        @WithDefault("PT5S")
        Duration pollInterval();

        /** After a pass leaves rows due (their states were held), the first wait before looking again; it doubles. */
        @WithDefault("PT0.1S")
        Duration retryDelay();

        /** Timers (and new units) taken per transaction. */
        @WithDefault("500")
        int batchSize();
    }
}
