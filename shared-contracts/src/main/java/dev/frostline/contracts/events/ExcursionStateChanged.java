package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One transition of a unit's excursion state against a rule: {@code ok}, {@code excursion},
 * {@code alarm_active}, {@code restoring}.
 *
 * @param metric the rule's metric; null for offline
 * @param alertId the open alert the transition belongs to, if any
 * @param occurredAt when the transition happened (a timer's due time, not when it fired)
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExcursionStateChanged(
        UUID eventId,
        UUID orgId,
        UUID siteId,
        UUID unitId,
        UUID ruleId,
        String ruleKind,
        String metric,
        String from,
        String to,
        UUID alertId,
        Instant occurredAt) implements AlertEvent {

    public ExcursionStateChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(ruleKind, "ruleKind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
