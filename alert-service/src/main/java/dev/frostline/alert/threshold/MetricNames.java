package dev.frostline.alert.threshold;

import dev.frostline.contracts.Metric;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads a metric name that must name one, as API input and stored rows do. */
public final class MetricNames {

    private MetricNames() {
    }

    public static Metric parse(String wireName) {
        return Metric.fromWireName(wireName).orElseThrow(() -> new InvalidThreshold("Unknown metric '" + wireName
                + "'; use one of " + Arrays.stream(Metric.values()).map(Metric::wireName)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
