package dev.frostline.telemetry.reading;

import dev.frostline.contracts.Metric;
import java.time.Instant;

/**
 * Which of a unit's readings a query wants, newest first.
 *
 * @param metric only this metric, or null for all
 * @param from only readings recorded at or after this instant, or null
 * @param to only readings recorded before this instant, or null
 * @param limit at most this many readings
 */
public record ReadingWindow(Metric metric, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
}
