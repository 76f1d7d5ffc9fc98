package dev.frostline.telemetry.reading;

import dev.frostline.contracts.Metric;
import java.time.Instant;

/**
 * Which readings a query wants, newest first.
 *
 * @param metric only this metric, or null for all
 * @param from only readings recorded at or after this instant, or null
 * @param to only readings recorded before this instant, or null
 * @param limit at most this many readings
 * @param after the cursor of the previous page (only readings before it), or null for the newest
 */
public record ReadingWindow(Metric metric, Instant from, Instant to, int limit, ReadingCursor after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
}
