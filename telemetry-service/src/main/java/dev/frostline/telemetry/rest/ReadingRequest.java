package dev.frostline.telemetry.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * One reading as a device sends it, naming its unit ({@code unitId}), its sensor ({@code sensorId}
 * or {@code devEui}), or both; the sensor decides the unit. Checked by {@link dev.frostline.telemetry.reading.ReadingValidation},
 * not by bean validation, so a batch's errors can name the item they belong to.
 *
 * @param recordedAt when the device measured it; now if absent. Send it (with messageId) to make a
 *        retried request idempotent.
 * @param messageId the device's own ID for the reading, 1 to 128 characters, optional
 * @param devEui the sensor's LoRaWAN DevEUI, 16 hex digits in either case
 */
public record ReadingRequest(UUID unitId, UUID sensorId, String devEui, String metric, Double value, Instant recordedAt, String messageId) {
}
