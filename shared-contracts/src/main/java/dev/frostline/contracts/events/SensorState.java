package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The current state of one sensor, on the compacted {@link dev.frostline.contracts.Topics#CATALOG_SENSORS}
 * topic keyed by sensor ID: which org owns it and which unit it is on now. telemetry resolves a reading
 * that names a sensor (by ID or DevEUI) to its unit from its projection of this topic. Projections keep
 * the newest by {@code version}.
 *
 * @param devEui the LoRaWAN DevEUI, 16 upper-case hex digits, or null for a sensor known by serial
 * @param serial the maker's serial number, or null for a sensor known by DevEUI
 * @param unitId the unit the sensor is assigned to now, or null when unassigned
 * @param siteId the site of that unit, or null when unassigned
 * @param primary whether it is its unit's primary sensor
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record SensorState(
        UUID sensorId,
        UUID orgId,
        String devEui,
        String serial,
        String model,
        UUID unitId,
        UUID siteId,
        boolean primary,
        boolean deleted,
        long version,
        Instant updatedAt) {

    public SensorState {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
