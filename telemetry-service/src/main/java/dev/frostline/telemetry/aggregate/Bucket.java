package dev.frostline.telemetry.aggregate;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The widths an aggregate query may bucket by. All but {@link #ONE_DAY} are fixed durations; a day
 * is the site's local calendar day, which is 23 or 25 hours long when the clocks change.
 */
public enum Bucket {
    ONE_MINUTE("1m", Duration.ofMinutes(1), "1 minute"),
    FIVE_MINUTES("5m", Duration.ofMinutes(5), "5 minutes"),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15), "15 minutes"),
    ONE_HOUR("1h", Duration.ofHours(1), "1 hour"),
    ONE_DAY("1d", null, null);

    private final String wireName;
    private final Duration width;
    private final String sqlInterval;

    Bucket(String wireName, Duration width, String sqlInterval) {
        this.wireName = wireName;
        this.width = width;
        this.sqlInterval = sqlInterval;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether buckets are local calendar days rather than a fixed duration. */
    public boolean isCalendarDay() {
        return width == null;
    }

    /** The fixed width; not defined for {@link #ONE_DAY}. */
    public Duration width() {
        if (width == null) {
            throw new IllegalStateException("a local day has no fixed width");
        }
        return width;
    }

    /** The width as a PostgreSQL interval literal; a constant of this enum, never client text. */
    public String sqlInterval() {
        if (sqlInterval == null) {
            throw new IllegalStateException("a local day has no fixed width");
        }
        return sqlInterval;
    }

    public static Optional<Bucket> fromWireName(String name) {
        return Arrays.stream(values()).filter(b -> b.wireName.equals(name)).findFirst();
    }

    /** The wire names, for error messages: "1m, 5m, 15m, 1h, 1d". */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Bucket::wireName).toList());
    }
}
