package dev.frostline.telemetry.rest;

import dev.frostline.telemetry.reading.Reading;
import java.time.Instant;
import java.util.UUID;

public record ReadingView(UUID id, UUID unitId, String metric, double value, Instant recordedAt, Instant receivedAt) {

    public static ReadingView of(Reading reading) {
        return new ReadingView(reading.id, reading.unitId, reading.metric, reading.value, reading.recordedAt,
                reading.receivedAt);
    }
}
