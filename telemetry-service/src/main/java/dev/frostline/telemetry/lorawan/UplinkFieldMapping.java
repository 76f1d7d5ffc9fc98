package dev.frostline.telemetry.lorawan;

import dev.frostline.contracts.Metric;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of a decoded LoRaWAN payload are which metric, from a list such as
 * {@code TempC_SHT=temperature_c,Hum_SHT=humidity_pct}. A field name may be a dotted path into
 * nested objects ({@code sensor.temp=temperature_c}).
 *
 * <p>The list is ordered, and an uplink yields at most one reading per metric: the first listed
 * field present in it. A device reporting two temperatures (an internal and a probe) thus gives
 * the one listed first, instead of two readings the idempotency key could not tell apart.
 */
public final class UplinkFieldMapping {

    /** A mapped field's value. */
    public record MappedValue(String field, Metric metric, Object value) {
    }

    private final Map<String, Metric> metricByField;

    private UplinkFieldMapping(Map<String, Metric> metricByField) {
        this.metricByField = metricByField;
    }

    /** @throws IllegalArgumentException naming the bad entry, so a misconfiguration fails the start */
    public static UplinkFieldMapping parse(String entries) {
        Map<String, Metric> metricByField = new LinkedHashMap<>();
        for (String entry : entries.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("LoRaWAN field mapping entry '" + entry.trim()
                        + "' is not field=metric");
            }
            Metric metric = Metric.fromWireName(parts[1].trim()).orElseThrow(() -> new IllegalArgumentException(
                    "LoRaWAN field mapping entry '" + entry.trim() + "' names an unknown metric"));
            metricByField.putIfAbsent(parts[0].trim(), metric);
        }
        return new UplinkFieldMapping(metricByField);
    }

    /** The mapped fields present in the decoded payload, first field per metric, in mapping order. */
    public List<MappedValue> map(Map<String, Object> decodedPayload) {
        List<MappedValue> mapped = new ArrayList<>();
        Set<Metric> taken = EnumSet.noneOf(Metric.class);
        metricByField.forEach((field, metric) -> {
            Object value = valueAt(decodedPayload, field);
            if (value != null && !taken.contains(metric)) {
                taken.add(metric);
                mapped.add(new MappedValue(field, metric, value));
            }
        });
        return mapped;
    }

    private static Object valueAt(Map<String, Object> payload, String path) {
        Object current = payload;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(segment);
        }
        return current;
    }
}
