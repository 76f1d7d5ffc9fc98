package dev.frostline.telemetry.reading;

import dev.frostline.contracts.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rules a submitted reading must pass before it is published. A request is all or nothing:
 * every error of every reading is reported, so a device can fix the whole batch at once.
 */
public final class ReadingValidation {

    public static final int MAX_MESSAGE_ID_LENGTH = 128;
    /** Worded so it never tells a device whether the unit exists in another organization. */
    static final String UNIT_NOT_LIVE = "is not a live unit of the API key's organization";
    /** Worded so it never tells a device whether the sensor exists in another organization, or where. */
    static final String SENSOR_NOT_WRITABLE = "is not a live sensor on a unit the API key may report for";

    /**
     * The outcome for a whole request.
     *
     * @param targets per index, where the reading belongs; null where the reading is invalid
     * @param errors every error, in index order; empty when every reading is acceptable
     */
    public record Outcome(List<ReadingTarget> targets, List<ReadingError> errors) {
    }

    private final Duration maxClockSkew;
    private final Duration retention;

    /**
     * @param maxClockSkew how far past "now" a device clock may put {@code recordedAt}
     * @param retention how far back it may put it: an older reading would not be kept anyway
     */
    public ReadingValidation(Duration maxClockSkew, Duration retention) {
        this.maxClockSkew = maxClockSkew;
        this.retention = retention;
    }

    /**
     * Checks every reading and resolves where each belongs.
     *
     * @param readings the submitted readings; a null entry (an item that could not even be read)
     *        is skipped, its error having been reported where it was read
     * @param writable the units and sensors the key may write to, among those the readings name
     */
    public Outcome validate(List<SubmittedReading> readings, WritableTargets writable, Instant now) {
        List<ReadingError> errors = new ArrayList<>();
        List<ReadingTarget> targets = new ArrayList<>(readings.size());
        for (int index = 0; index < readings.size(); index++) {
            SubmittedReading reading = readings.get(index);
            int errorsBefore = errors.size();
            ReadingTarget target = null;
            if (reading != null) {
                target = validate(index, reading, writable, now, errors);
            }
            targets.add(errors.size() == errorsBefore ? target : null);
        }
        return new Outcome(targets, List.copyOf(errors));
    }

    private ReadingTarget validate(int index, SubmittedReading reading, WritableTargets writable, Instant now,
            List<ReadingError> errors) {
        ReadingTarget target = target(index, reading, writable, errors);

        Optional<Metric> metric = Metric.fromWireName(reading.metric());
        if (reading.metric() == null) {
            errors.add(new ReadingError(index, "metric", "is required"));
        } else if (metric.isEmpty()) {
            errors.add(new ReadingError(index, "metric", "is not a known metric; use one of " + knownMetrics()));
        }

        if (reading.value() == null) {
            errors.add(new ReadingError(index, "value", "is required"));
        } else if (!Double.isFinite(reading.value())) {
            errors.add(new ReadingError(index, "value", "must be a finite number"));
        } else if (metric.isPresent() && !metric.get().accepts(reading.value())) {
            errors.add(new ReadingError(index, "value", "must be " + metric.get().describeRange()
                    + " for " + metric.get().wireName()));
        }

        if (reading.recordedAt() != null && reading.recordedAt().isAfter(now.plus(maxClockSkew))) {
            errors.add(new ReadingError(index, "recordedAt", "is more than " + maxClockSkew.toMinutes()
                    + " minutes in the future; check the device clock"));
        } else if (reading.recordedAt() != null && reading.recordedAt().isBefore(now.minus(retention))) {
            errors.add(new ReadingError(index, "recordedAt", "is older than the " + retention.toDays()
                    + " days readings are kept"));
        }

        if (reading.messageId() != null
                && (reading.messageId().isEmpty() || reading.messageId().length() > MAX_MESSAGE_ID_LENGTH)) {
            errors.add(new ReadingError(index, "messageId", "must be 1 to " + MAX_MESSAGE_ID_LENGTH + " characters"));
        }
        return target;
    }

    /**
     * The named sensor decides the unit; a unit named as well must be the sensor's. A reading that
     * names only its unit is attributed to the unit's primary sensor, if it has one.
     */
    private static ReadingTarget target(int index, SubmittedReading reading, WritableTargets writable,
            List<ReadingError> errors) {
        if (!reading.namesSensor()) {
            if (reading.unitId() == null) {
                errors.add(new ReadingError(index, "unitId", "is required unless sensorId or devEui names the sensor"));
                return null;
            }
            return writable.unit(reading.unitId())
                    .map(unit -> new ReadingTarget(unit.unitId(), unit.siteId(), unit.primarySensorId(), false))
                    .orElseGet(() -> {
                        errors.add(new ReadingError(index, "unitId", UNIT_NOT_LIVE));
                        return null;
                    });
        }
        WritableTargets.KnownSensor sensor = sensor(index, reading, writable, errors);
        if (sensor == null) {
            return null;
        }
        if (reading.unitId() != null && !reading.unitId().equals(sensor.unitId())) {
            errors.add(new ReadingError(index, "unitId", "is not the unit the named sensor is on"));
            return null;
        }
        WritableTargets.KnownUnit unit = writable.unit(sensor.unitId()).orElseThrow();
        return new ReadingTarget(unit.unitId(), unit.siteId(), sensor.sensorId(), true);
    }

    private static WritableTargets.KnownSensor sensor(int index, SubmittedReading reading, WritableTargets writable,
            List<ReadingError> errors) {
        WritableTargets.KnownSensor byId = null;
        if (reading.sensorId() != null) {
            byId = writable.sensor(reading.sensorId()).orElse(null);
            if (byId == null) {
                errors.add(new ReadingError(index, "sensorId", SENSOR_NOT_WRITABLE));
                return null;
            }
        }
        if (reading.devEui() == null) {
            return byId;
        }
        Optional<String> devEui = DevEui.normalize(reading.devEui());
        if (devEui.isEmpty()) {
            errors.add(new ReadingError(index, "devEui", "must be 16 hexadecimal digits"));
            return null;
        }
        WritableTargets.KnownSensor byDevEui = writable.sensorByDevEui(devEui.get()).orElse(null);
        if (byDevEui == null) {
            errors.add(new ReadingError(index, "devEui", SENSOR_NOT_WRITABLE));
            return null;
        }
        if (byId != null && !byId.sensorId().equals(byDevEui.sensorId())) {
            errors.add(new ReadingError(index, "devEui", "is not the DevEUI of the sensor sensorId names"));
            return null;
        }
        return byDevEui;
    }

    private static String knownMetrics() {
        return String.join(", ", Arrays.stream(Metric.values()).map(Metric::wireName).toList());
    }
}
