package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An open alert's peak moved further out of range (higher above max, lower below min). */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertPeakUpdated(
        UUID eventId,
        UUID orgId,
        UUID siteId,
        UUID unitId,
        UUID alertId,
        String metric,
        double peak,
        Instant occurredAt) implements AlertEvent {

    public AlertPeakUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
