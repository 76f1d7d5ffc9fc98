package dev.frostline.telemetry.reading;

import java.util.UUID;

/**
 * Where a valid reading belongs.
 *
 * @param sensorId the sensor the device named, else its unit's primary sensor; null if neither
 * @param namedBySensor whether the device named the sensor: its readings are then identified by
 *        the sensor, so two sensors on one unit measuring at the same instant stay two readings
 */
public record ReadingTarget(UUID unitId, UUID siteId, UUID sensorId, boolean namedBySensor) {

    /** What the reading's ID is derived from (see {@link ReadingIds}). */
    public UUID identifiedBy() {
        return namedBySensor ? sensorId : unitId;
    }
}
