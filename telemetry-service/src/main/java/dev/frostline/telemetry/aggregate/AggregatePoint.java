package dev.frostline.telemetry.aggregate;

import java.time.Instant;

/** The readings of one bucket: {@code start} is the bucket's first instant. */
public record AggregatePoint(Instant start, long count, double avg, double min, double max) {
}
