package dev.frostline.alert.rest;

import dev.frostline.alert.alert.Alert;
import java.time.Instant;
import java.util.UUID;

/** @param min the bounds in force when the alert opened; @param max likewise */
public record AlertView(UUID id, UUID unitId, UUID siteId, String metric, String status, Instant openedAt,
        Instant resolvedAt, double triggerValue, double peakValue, Double min, Double max) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.unitId, alert.siteId, alert.metric.wireName(), alert.status.wireName(),
                alert.openedAt, alert.resolvedAt, alert.triggerValue, alert.peakValue, alert.min, alert.max);
    }
}
