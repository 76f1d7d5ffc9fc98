package dev.frostline.telemetry.reading;

import java.time.Instant;
import java.util.UUID;

/**
 * One reading as a device sent it, before validation: any field may be missing or wrong.
 *
 * @param recordedAt when the device measured it, or null for "now"
 * @param messageId the device's own ID for the reading, or null; it makes retries idempotent
 */
public record SubmittedReading(UUID unitId, String metric, Double value, Instant recordedAt, String messageId) {
}
