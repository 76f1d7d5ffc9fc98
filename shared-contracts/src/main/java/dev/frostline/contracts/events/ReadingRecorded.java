package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One accepted sensor reading. {@code eventId} is also the reading's primary key in telemetry's
 * store, so a redelivered event is stored once.
 *
 * @param recordedAt when the device measured it
 * @param occurredAt when the platform accepted it
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReadingRecorded(
        UUID eventId,
        UUID orgId,
        UUID siteId,
        UUID unitId,
        String metric,
        double value,
        Instant recordedAt,
        Instant occurredAt) implements TelemetryEvent {

    public ReadingRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
