package dev.frostline.catalog.messaging;

import dev.frostline.catalog.device.Sensor;
import dev.frostline.contracts.events.SensorState;
import java.util.UUID;

public final class SensorStateMapper {

    private SensorStateMapper() {
    }

    /**
     * @param siteId the site of the sensor's unit, or null when it is unassigned
     * @param version the sensor's next state version, not its row version
     */
    public static SensorState toState(Sensor sensor, UUID siteId, long version) {
        return new SensorState(sensor.id, sensor.orgId, sensor.devEui, sensor.serial, sensor.model, sensor.unitId,
                siteId, sensor.primary, sensor.isDeleted(), version, sensor.updatedAt);
    }
}
