package dev.frostline.catalog.device;

import dev.frostline.contracts.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The metrics a sensor reports: a non-empty subset of shared-contracts' {@link Metric}, in enum order. */
public final class SensorMetrics {

    public static final List<String> WIRE_VALUES = Arrays.stream(Metric.values()).map(Metric::wireName).toList();

    private SensorMetrics() {
    }

    /** The stored form (deduplicated, in enum order), or empty when the list is empty or has an unknown name. */
    public static Optional<List<String>> normalize(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        for (String name : raw) {
            if (Metric.fromWireName(name).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(WIRE_VALUES.stream().filter(raw::contains).toList());
    }
}
