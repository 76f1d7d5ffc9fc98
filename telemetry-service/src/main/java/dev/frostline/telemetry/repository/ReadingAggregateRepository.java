package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.aggregate.AggregatePoint;
import dev.frostline.telemetry.aggregate.AggregateWindow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * avg/min/max/count of one metric of a unit per bucket, computed by PostgreSQL over the index on
 * (unit_id, metric, recorded_at). Bucket starts are computed in SQL as instants:
 * {@code date_trunc('day', recorded_at, zone)} for local days (23 or 25 hours when the clocks change)
 * and {@code date_bin(width, recorded_at, origin)} from the local midnight of the range start for
 * fixed widths, so the repeated hour of an autumn night is two hourly buckets, not one.
 */
@ApplicationScoped
public class ReadingAggregateRepository {

    private static final String SELECT = "select %s as bucket_start, count(*) as n, avg(value) as avg,"
            + " min(value) as min, max(value) as max from readings"
            + " where org_id = $1 and unit_id = $2 and metric = $3 and recorded_at >= $4 and recorded_at < $5"
            + " group by 1 order by 1";

    private final Pool pool;

    public ReadingAggregateRepository(Pool pool) {
        this.pool = pool;
    }

    /** Buckets without readings are left out. */
    public Uni<List<AggregatePoint>> aggregate(UUID orgId, UUID unitId, AggregateWindow window) {
        Tuple parameters = Tuple.of(orgId, unitId, window.metric().wireName(), SqlTimes.utc(window.from()),
                SqlTimes.utc(window.to()));
        String bucketStart;
        if (window.bucket().isCalendarDay()) {
            bucketStart = "date_trunc('day', recorded_at, $6)";
            parameters.addString(window.zone().getId());
        } else {
            // The interval is a constant of the Bucket enum, never client text.
            bucketStart = "date_bin(interval '" + window.bucket().sqlInterval() + "', recorded_at, $6)";
            parameters.addOffsetDateTime(SqlTimes.utc(window.origin()));
        }
        return pool.preparedQuery(SELECT.formatted(bucketStart)).execute(parameters).map(rows -> {
            List<AggregatePoint> points = new ArrayList<>(rows.size());
            for (Row row : rows) {
                points.add(new AggregatePoint(row.getOffsetDateTime("bucket_start").toInstant(), row.getLong("n"),
                        row.getDouble("avg"), row.getDouble("min"), row.getDouble("max")));
            }
            return points;
        });
    }
}
