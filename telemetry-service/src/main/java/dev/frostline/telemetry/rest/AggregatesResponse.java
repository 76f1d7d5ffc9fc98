package dev.frostline.telemetry.rest;

import dev.frostline.telemetry.aggregate.AggregatePoint;
import dev.frostline.telemetry.service.AggregatingReadings.Aggregates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * @param timeZone the site's zone the buckets are aligned in (UTC when the site has none)
 * @param points buckets with readings, oldest first
 */
public record AggregatesResponse(UUID unitId, String metric, String bucket, String timeZone, Instant from,
        Instant to, List<Point> points) {

    /**
     * @param bucketStart the bucket's first instant, UTC
     * @param localStart the same instant in the site's zone, ISO-8601 with offset
     */
    public record Point(Instant bucketStart, String localStart, long count, double avg, double min, double max) {

        static Point of(AggregatePoint point, ZoneId zone) {
            return new Point(point.start(), point.start().atZone(zone).toOffsetDateTime().toString(), point.count(),
                    point.avg(), point.min(), point.max());
        }
    }

    public static AggregatesResponse of(UUID unitId, Aggregates aggregates) {
        var window = aggregates.window();
        return new AggregatesResponse(unitId, window.metric().wireName(), window.bucket().wireName(),
                window.zone().getId(), window.from(), window.to(),
                aggregates.points().stream().map(p -> Point.of(p, window.zone())).toList());
    }
}
