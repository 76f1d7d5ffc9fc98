package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An open alert ended: automatically, once back inside the deadband for the minimum restore
 * duration, or by hand (a manager, with a note).
 *
 * @param resolvingReadingId the {@link ReadingRecorded#eventId()} that brought it back, if a reading did
 * @param metric the rule's metric; null for an offline alert
 * @param value the value that brought it back, if a reading did
 * @param resolution {@code auto} or {@code manual}
 * @param resolvedBy the user who resolved it by hand, else null
 * @param note the note of a manual resolve, else null
 * @param peak the value furthest outside the range while it was open; null for offline
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
        Instant occurredAt,
        String ruleKind,
        String resolution,
        UUID resolvedBy,
        String note,
        Double peak) implements AlertEvent {

    /** The walking skeleton's shape: a threshold alert resolved by a reading. */
    public AlertResolved(UUID eventId, UUID orgId, UUID siteId, UUID unitId, UUID alertId, UUID resolvingReadingId,
            String metric, Double value, Instant occurredAt) {
        this(eventId, orgId, siteId, unitId, alertId, resolvingReadingId, metric, value, occurredAt, "threshold",
                "auto", null, null, null);
    }

    public AlertResolved {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
