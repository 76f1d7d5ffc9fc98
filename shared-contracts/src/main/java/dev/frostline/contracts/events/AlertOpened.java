package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert opened: a unit was out of range for one of its rules long enough (excursion state
 * {@code alarm_active}). At most one alert is open per unit and rule key.
 *
 * @param triggeringReadingId the {@link ReadingRecorded#eventId()} that opened it; null when a timer
 *        opened it (the excursion duration elapsed, or the unit went silent)
 * @param metric the rule's metric; null for an offline alert
 * @param value the peak value when it opened (the value furthest outside the range); null for offline
 * @param min the lower bound in force, or null if none
 * @param max the upper bound in force, or null if none
 * @param ruleKind {@code threshold}, {@code offline} or {@code low_battery}
 * @param severity {@code warning} or {@code critical}
 * @param since when the unit went out of range (before {@code occurredAt} by the excursion duration)
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
        Double value,
        Double min,
        Double max,
        Instant occurredAt,
        UUID ruleId,
        String ruleKind,
        String severity,
        Instant since) implements AlertEvent {

    /** The walking skeleton's shape: a threshold alert opened by a reading. */
    public AlertOpened(UUID eventId, UUID orgId, UUID siteId, UUID unitId, UUID alertId, UUID triggeringReadingId,
            String metric, Double value, Double min, Double max, Instant occurredAt) {
        this(eventId, orgId, siteId, unitId, alertId, triggeringReadingId, metric, value, min, max, occurredAt, null,
                "threshold", null, occurredAt);
    }

    public AlertOpened {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
