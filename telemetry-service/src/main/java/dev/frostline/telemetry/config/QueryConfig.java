package dev.frostline.telemetry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The read side of telemetry: aggregates, the CSV export and battery forecasts. */
@ConfigMapping(prefix = "frostline.telemetry.queries")
public interface QueryConfig {

    Aggregates aggregates();

    Export export();

    Battery battery();

    interface Aggregates {

        /**
         * The most buckets one aggregate response may hold; a range that could hold more is refused
         * with 400 too-many-points, naming a wider bucket. Bounds the work and the response size.
         */
        @WithDefault("10000")
        int maxPoints();
    }

    interface Export {

        /**
         * Rows the export's database cursor fetches at a time, and rows per chunk written to the
         * client: the only part of an export held in memory.
         */
        @WithDefault("1000")
        int fetchSize();
    }

    interface Battery {

        /** The battery level (percent) whose date the forecast gives. */
        @WithDefault("20")
        double lowThresholdPct();

        /** Fewer battery readings than this in the lookback answer "unknown". */
        @WithDefault("5")
        int minPoints();

        /** Readings spanning less than this answer "unknown": a few hours of noise predict nothing. */
        @WithDefault("P1D")
        Duration minSpan();

        /** How far back the fit reads: recent drain predicts the next weeks better than last year's. */
        @WithDefault("P30D")
        Duration lookback();
    }
}
