package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reading fell outside its unit's threshold.
 *
 * @param triggeringReadingId the {@link ReadingRecorded#eventId()} that opened it
 * @param min the lower bound in force, or null if none
 * @param max the upper bound in force, or null if none
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertOpened(
        UUID eventId,
        UUID orgId,
        UUID siteId,
        UUID unitId,
        UUID alertId,
        UUID triggeringReadingId,
        String metric,
        double value,
        Double min,
        Double max,
        Instant occurredAt) implements AlertEvent {

    public AlertOpened {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
