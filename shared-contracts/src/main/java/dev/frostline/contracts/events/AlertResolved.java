package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An open alert ended: its metric came back inside the threshold.
 *
 * @param resolvingReadingId the {@link ReadingRecorded#eventId()} that brought it back, if any
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertResolved(
        UUID eventId,
        UUID orgId,
        UUID siteId,
        UUID unitId,
        UUID alertId,
        UUID resolvingReadingId,
        String metric,
        Double value,
        Instant occurredAt) implements AlertEvent {

    public AlertResolved {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
