package dev.frostline.alert.rest;

import dev.frostline.alert.threshold.Threshold;
import java.time.Instant;
import java.util.UUID;

public record ThresholdView(UUID unitId, String metric, Double min, Double max, Instant updatedAt) {

    static ThresholdView of(Threshold threshold) {
        return new ThresholdView(threshold.unitId, threshold.metric.wireName(), threshold.min, threshold.max,
                threshold.updatedAt);
    }
}
