package dev.frostline.telemetry.reading;

import dev.frostline.contracts.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a submitted reading must pass before it is published. A request is all or nothing:
 * every error of every reading is reported, so a device can fix the whole batch at once.
 */
public final class ReadingValidation {

    public static final int MAX_MESSAGE_ID_LENGTH = 128;
    /** Worded so it never tells a device whether the unit exists in another organization. */
    static final String UNIT_NOT_LIVE = "is not a live unit of the API key's organization";

    private final Duration maxClockSkew;

    /** @param maxClockSkew how far past "now" a device clock may put {@code recordedAt} */
    public ReadingValidation(Duration maxClockSkew) {
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * The errors of all readings, in index order; empty when every reading is acceptable.
     *
     * @param readings the submitted readings; a null entry (an item that could not even be read)
     *        is skipped, its error having been reported where it was read
     * @param liveUnits the units live in the key's organization, among those the readings name
     */
    public List<ReadingError> validate(List<SubmittedReading> readings, Set<UUID> liveUnits, Instant now) {
        List<ReadingError> errors = new ArrayList<>();
        for (int index = 0; index < readings.size(); index++) {
            SubmittedReading reading = readings.get(index);
            if (reading != null) {
                validate(index, reading, liveUnits, now, errors);
            }
        }
        return errors;
    }

    private void validate(int index, SubmittedReading reading, Set<UUID> liveUnits, Instant now,
            List<ReadingError> errors) {
        if (reading.unitId() == null) {
            errors.add(new ReadingError(index, "unitId", "is required"));
        } else if (!liveUnits.contains(reading.unitId())) {
            errors.add(new ReadingError(index, "unitId", UNIT_NOT_LIVE));
        }

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
        }

        if (reading.messageId() != null
                && (reading.messageId().isEmpty() || reading.messageId().length() > MAX_MESSAGE_ID_LENGTH)) {
            errors.add(new ReadingError(index, "messageId", "must be 1 to " + MAX_MESSAGE_ID_LENGTH + " characters"));
        }
    }

    private static String knownMetrics() {
        return String.join(", ", Arrays.stream(Metric.values()).map(Metric::wireName).toList());
    }
}
