package dev.frostline.telemetry.reading;

import dev.frostline.contracts.Metric;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a batch of readings says about each sensor: when it was last heard from, and its latest
 * battery level. Stored with "greatest wins", so batches may be applied in any order, twice.
 *
 * @param lastSeenAt when the platform last accepted a reading of the sensor
 * @param batteryPct the battery level measured last in the batch, or null if none was
 * @param batteryAt when that level was measured, or null
 */
public record SensorStatus(UUID sensorId, UUID orgId, Instant lastSeenAt, Double batteryPct, Instant batteryAt) {

    /** One status per sensor named by the readings; readings without a sensor say nothing. */
    public static List<SensorStatus> of(Collection<Reading> readings) {
        Map<UUID, SensorStatus> bySensor = new LinkedHashMap<>();
        for (Reading reading : readings) {
            if (reading.sensorId == null) {
                continue;
            }
            boolean battery = Metric.BATTERY_PCT.wireName().equals(reading.metric);
            SensorStatus status = new SensorStatus(reading.sensorId, reading.orgId, reading.receivedAt,
                    battery ? reading.value : null, battery ? reading.recordedAt : null);
            bySensor.merge(reading.sensorId, status, SensorStatus::merge);
        }
        return List.copyOf(bySensor.values());
    }

    private SensorStatus merge(SensorStatus other) {
        Instant seen = other.lastSeenAt.isAfter(lastSeenAt) ? other.lastSeenAt : lastSeenAt;
        boolean otherBatteryIsNewer = other.batteryAt != null && (batteryAt == null || other.batteryAt.isAfter(batteryAt));
        return otherBatteryIsNewer
                ? new SensorStatus(sensorId, orgId, seen, other.batteryPct, other.batteryAt)
                : new SensorStatus(sensorId, orgId, seen, batteryPct, batteryAt);
    }
}
