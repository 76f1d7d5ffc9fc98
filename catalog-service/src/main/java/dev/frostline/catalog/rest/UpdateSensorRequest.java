package dev.frostline.catalog.rest;

import dev.frostline.catalog.device.SensorDescription;
import java.util.List;

/** The replacement (PUT) of a sensor's changeable fields; its DevEUI or serial never changes. */
public record UpdateSensorRequest(@ValidName String name, String model, List<String> metrics) {

    SensorDescription description() {
        return Inputs.valid(() -> new SensorDescription(model, metrics));
    }
}
