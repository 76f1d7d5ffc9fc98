package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Someone (staff or above) acknowledged an open alert with a note: reminders and escalation stop. */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertAcknowledged(
        UUID eventId,
        UUID orgId,
        UUID siteId,
        UUID unitId,
        UUID alertId,
        String ruleKind,
        String metric,
        UUID acknowledgedBy,
        String note,
        Instant occurredAt) implements AlertEvent {

    public AlertAcknowledged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
