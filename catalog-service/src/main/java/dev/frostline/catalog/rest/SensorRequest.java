package dev.frostline.catalog.rest;

import dev.frostline.catalog.device.SensorDescription;
import dev.frostline.catalog.device.SensorIdentity;
import java.util.List;

/**
 * A sensor to register: exactly one of {@code devEui} (16 hex digits) or {@code serial}, unique
 * across the platform; {@code metrics} a non-empty subset of temperature_c, humidity_pct, door_open, battery_pct.
 */
public record SensorRequest(@ValidName String name, String devEui, String serial, String model, List<String> metrics) {

    SensorIdentity identity() {
        return Inputs.valid(() -> new SensorIdentity(devEui, serial));
    }

    SensorDescription description() {
        return Inputs.valid(() -> new SensorDescription(model, metrics));
    }
}
