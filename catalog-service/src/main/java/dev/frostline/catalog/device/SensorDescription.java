package dev.frostline.catalog.device;

import java.util.List;

/**
 * What a sensor is (its model) and what it reports (its metrics), checked and normalized.
 *
 * @throws IllegalArgumentException from the constructor with a caller-readable message
 */
public record SensorDescription(String model, List<String> metrics) {

    public static final int MODEL_MAX_LENGTH = 100;

    public SensorDescription {
        String stripped = model == null ? "" : model.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MODEL_MAX_LENGTH) {
            throw new IllegalArgumentException("model must be 1 to " + MODEL_MAX_LENGTH + " characters");
        }
        model = stripped;
        metrics = SensorMetrics.normalize(metrics).orElseThrow(() -> new IllegalArgumentException(
                "metrics must be a non-empty list of " + String.join(", ", SensorMetrics.WIRE_VALUES)));
    }
}
