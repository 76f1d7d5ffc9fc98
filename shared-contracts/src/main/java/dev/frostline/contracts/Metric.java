package dev.frostline.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metrics a device may report, each with the values it can physically take. A new sensor
 * type is one more constant here; telemetry's ingest validation, its queries and alert rules all
 * pick it up from this enum.
 */
public enum Metric {
    TEMPERATURE_C("temperature_c", -100, 150, false),
    HUMIDITY_PCT("humidity_pct", 0, 100, false),
    /** 1 when the door is open, 0 when it is closed. */
    DOOR_OPEN("door_open", 0, 1, true),
    BATTERY_PCT("battery_pct", 0, 100, false);

    private static final Map<String, Metric> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Metric::wireName, Function.identity()));

    private final String wireName;
    private final double min;
    private final double max;
    private final boolean wholeNumbers;

    Metric(String wireName, double min, double max, boolean wholeNumbers) {
        this.wireName = wireName;
        this.min = min;
        this.max = max;
        this.wholeNumbers = wholeNumbers;
    }

    /** The name devices send and events carry, e.g. {@code temperature_c}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Metric> fromWireName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** Whether a finite value is one this metric can take; NaN and infinities never are. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && value >= min && value <= max
                && (!wholeNumbers || value == Math.rint(value));
    }

    /** What {@link #accepts} allows, worded for an error message. */
    public String describeRange() {
        if (wholeNumbers) {
            return "a whole number from " + format(min) + " to " + format(max);
        }
        return "a number from " + format(min) + " to " + format(max);
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
