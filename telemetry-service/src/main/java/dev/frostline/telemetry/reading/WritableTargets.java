package dev.frostline.telemetry.reading;

import dev.frostline.telemetry.apikey.SiteScope;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The units and sensors a device key may write to, among those a request names. Anything else is
 * simply absent: another org's sensor, a deleted or unassigned one, a sensor on a unit outside the
 * key's site scope and a sensor that does not exist are all refused alike, so a device learns
 * nothing about what it may not write to.
 */
public final class WritableTargets {

    /** A live unit of the key's org. */
    public record KnownUnit(UUID unitId, UUID siteId, UUID primarySensorId) {
    }

    /** A live sensor of the key's org; {@code unitId} null when it is on no unit. */
    public record KnownSensor(UUID sensorId, String devEui, UUID unitId) {
    }

    private final Map<UUID, KnownUnit> units = new HashMap<>();
    private final Map<UUID, KnownSensor> sensorsById = new HashMap<>();
    private final Map<String, KnownSensor> sensorsByDevEui = new HashMap<>();

    /**
     * @param liveUnits live units of the key's org
     * @param liveSensors live sensors of the key's org
     */
    public WritableTargets(Collection<KnownUnit> liveUnits, Collection<KnownSensor> liveSensors, SiteScope scope) {
        for (KnownUnit unit : liveUnits) {
            if (scope.covers(unit.siteId())) {
                units.put(unit.unitId(), unit);
            }
        }
        for (KnownSensor sensor : liveSensors) {
            if (sensor.unitId() != null && units.containsKey(sensor.unitId())) {
                sensorsById.put(sensor.sensorId(), sensor);
                if (sensor.devEui() != null) {
                    sensorsByDevEui.put(sensor.devEui(), sensor);
                }
            }
        }
    }

    public Optional<KnownUnit> unit(UUID unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    public Optional<KnownSensor> sensor(UUID sensorId) {
        return Optional.ofNullable(sensorsById.get(sensorId));
    }

    /** @param devEui normalized ({@link DevEui#normalize}) */
    public Optional<KnownSensor> sensorByDevEui(String devEui) {
        return Optional.ofNullable(sensorsByDevEui.get(devEui));
    }
}
