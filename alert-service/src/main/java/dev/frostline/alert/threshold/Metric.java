package dev.frostline.alert.threshold;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The metrics a threshold can watch, by the name they carry in readings and in the API. */
public enum Metric {
    TEMPERATURE_C("temperature_c"),
    HUMIDITY_PCT("humidity_pct"),
    DOOR_OPEN("door_open"),
    BATTERY_PCT("battery_pct");

    private final String wireName;

    Metric(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The metric named so, or empty: a reading of a metric no threshold can watch is simply not evaluated. */
    public static Optional<Metric> find(String wireName) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
    }

    /** The metric named so, for input that must name one. */
    public static Metric parse(String wireName) {
        return find(wireName).orElseThrow(() -> new InvalidThreshold("Unknown metric '" + wireName + "'; use one of "
                + Arrays.stream(values()).map(Metric::wireName).collect(Collectors.joining(", ")) + "."));
    }
}
