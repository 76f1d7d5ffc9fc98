package dev.frostline.telemetry.reading;

import java.time.Instant;
import java.util.UUID;

/**
 * One reading as a device sent it, before validation: any field may be missing or wrong. It names
 * its unit, its sensor (by ID or DevEUI), or both.
 *
 * @param recordedAt when the device measured it, or null for "now"
 * @param messageId the device's own ID for the reading, or null; it makes retries idempotent
 */
public record SubmittedReading(UUID unitId, UUID sensorId, String devEui, String metric, Double value,
        Instant recordedAt, String messageId) {

    /** A reading that names its unit only. */
    public static SubmittedReading forUnit(UUID unitId, String metric, Double value, Instant recordedAt,
            String messageId) {
        return new SubmittedReading(unitId, null, null, metric, value, recordedAt, messageId);
    }

    /** Whether it names a sensor, so the sensor must be resolved. */
    public boolean namesSensor() {
        return sensorId != null || devEui != null;
    }
}
