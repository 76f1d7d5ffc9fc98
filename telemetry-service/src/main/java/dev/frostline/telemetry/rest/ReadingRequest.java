package dev.frostline.telemetry.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * One reading as a device sends it. Checked by {@link dev.frostline.telemetry.reading.ReadingValidation},
 * not by bean validation, so a batch's errors can name the item they belong to.
 *
 * @param recordedAt when the device measured it; now if absent. Send it (with messageId) to make a
 *        retried request idempotent.
 * @param messageId the device's own ID for the reading, 1 to 128 characters, optional
 */
public record ReadingRequest(UUID unitId, String metric, Double value, Instant recordedAt, String messageId) {
}
