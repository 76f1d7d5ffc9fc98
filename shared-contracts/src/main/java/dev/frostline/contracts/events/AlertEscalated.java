package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An unacknowledged alert was due a reminder or an escalation (a wider audience).
 *
 * @param notice {@code reminder} or {@code escalated}
 * @param audience the lowest role notified ({@code staff}, {@code manager}, ...)
 * @param number the reminder's number, or the escalation step (1-based)
 * @param occurredAt when it fell due
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertEscalated(
        UUID eventId,
        UUID orgId,
        UUID siteId,
        UUID unitId,
        UUID alertId,
        String notice,
        String audience,
        long number,
        Instant occurredAt) implements AlertEvent {

    public AlertEscalated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
