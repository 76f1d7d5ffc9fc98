package dev.frostline.catalog.rest;

import dev.frostline.catalog.device.Sensor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code unitId} and {@code primary} are the current assignment; null and false when unassigned. */
public record SensorView(UUID id, UUID orgId, String name, String devEui, String serial, String model,
        List<String> metrics, UUID unitId, boolean primary, long version, Instant createdAt, Instant updatedAt,
        Instant deletedAt) {

    static SensorView of(Sensor sensor) {
        return new SensorView(sensor.id, sensor.orgId, sensor.name, sensor.devEui, sensor.serial, sensor.model,
                List.copyOf(sensor.metrics), sensor.unitId, sensor.primary, sensor.version, sensor.createdAt,
                sensor.updatedAt, sensor.deletedAt);
    }
}
