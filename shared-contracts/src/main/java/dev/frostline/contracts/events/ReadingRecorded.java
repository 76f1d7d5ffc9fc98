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
 * @param sensorId the sensor that measured it, when the device named one (or catalog knows the
 *        unit's primary sensor); null for readings posted for a unit only
 * @param messageId the device's own message ID, if it sent one; retries carrying it are stored once
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
        Instant occurredAt,
        UUID sensorId,
        String messageId) implements TelemetryEvent {

    /** A reading that names no sensor and carries no device message ID. */
    public ReadingRecorded(UUID eventId, UUID orgId, UUID siteId, UUID unitId, String metric, double value,
            Instant recordedAt, Instant occurredAt) {
        this(eventId, orgId, siteId, unitId, metric, value, recordedAt, occurredAt, null, null);
    }

    public ReadingRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
