package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.aggregate.AggregatePoint;
import dev.frostline.telemetry.aggregate.AggregateWindow;
import dev.frostline.telemetry.aggregate.Bucket;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * avg/min/max/count of one metric of a unit per bucket, computed by PostgreSQL. Bucket starts are
 * computed in SQL as instants: {@code date_trunc('day', t, zone)} for local days (23 or 25 hours when
 * the clocks change) and {@code date_bin(width, t, origin)} from the local midnight of the range start
 * for fixed widths, so the repeated hour of an autumn night is two hourly buckets, not one.
 *
 * <p>1m and 5m buckets group the raw readings. 15m, 1h and 1d buckets sum the 15-minute rollups
 * ({@code reading_rollups_15m}, UTC quarter hours, kept by ReadingBatchWriter in the readings'
 * transaction), grouped by the same expression applied to each rollup's start: exact, because every
 * boundary of those buckets is then a UTC quarter hour, so each rollup lies in exactly one bucket. Two
 * cases keep reading raw rows, so the answer never depends on which table served it:
 * <ul>
 * <li>the edges of a range whose from or to is not on a quarter hour: the readings between from and
 *     the first quarter hour, and between the last one and to, come from readings, the whole quarter
 *     hours between from the rollups (one statement, one group-by over both);</li>
 * <li>a range whose bucket boundaries are not all quarter hours, which only a zone offset that is not a
 *     whole number of quarter hours gives (historic local mean times): all raw.</li>
 * </ul>
 * avg is sum/count of the parts, equal to avg(value) up to floating-point rounding.
 */
@ApplicationScoped
public class ReadingAggregateRepository {

    private static final Duration ROLLUP = Duration.ofMinutes(15);

    private static final String RAW = "select %s as bucket_start, count(*) as n, avg(value) as avg,"
            + " min(value) as min, max(value) as max from readings"
            + " where org_id = $1 and unit_id = $2 and metric = $3 and recorded_at >= $4 and recorded_at < $5"
            + " group by 1 order by 1";

    /** $4..$7: the leading raw edge [$4, $6), the rollups [$6, $7), the trailing raw edge [$7, $5). */
    private static final String ROLLED_UP = "select %s as bucket_start, sum(n)::bigint as n,"
            + " sum(sum) / sum(n)::float8 as avg, min(min) as min, max(max) as max from ("
            + " select recorded_at as t, 1::bigint as n, value as sum, value as min, value as max from readings"
            + " where org_id = $1 and unit_id = $2 and metric = $3 and recorded_at >= $4 and recorded_at < $6"
            + " union all"
            + " select bucket_start, n, sum, min, max from reading_rollups_15m"
            + " where org_id = $1 and unit_id = $2 and metric = $3 and bucket_start >= $6 and bucket_start < $7"
            + " union all"
            + " select recorded_at, 1, value, value, value from readings"
            + " where org_id = $1 and unit_id = $2 and metric = $3 and recorded_at >= $7 and recorded_at < $5"
            + ") parts group by 1 order by 1";

    private final Pool pool;

    public ReadingAggregateRepository(Pool pool) {
        this.pool = pool;
    }

    /** Buckets without readings are left out. */
    public Uni<List<AggregatePoint>> aggregate(UUID orgId, UUID unitId, AggregateWindow window) {
        Tuple parameters = Tuple.of(orgId, unitId, window.metric().wireName(), SqlTimes.utc(window.from()),
                SqlTimes.utc(window.to()));
        Instant innerFrom = ceilToQuarterHour(window.from());
        Instant innerTo = floorToQuarterHour(window.to());
        boolean rolledUp = servedByRollups(window) && innerFrom.isBefore(innerTo);
        String time = rolledUp ? "t" : "recorded_at";
        String bucketStart;
        if (window.bucket().isCalendarDay()) {
            bucketStart = "date_trunc('day', " + time + ", $6)";
        } else {
            // The interval is a constant of the Bucket enum, never client text.
            bucketStart = "date_bin(interval '" + window.bucket().sqlInterval() + "', " + time + ", $6)";
        }
        String sql;
        if (rolledUp) {
            // Here $6 and $7 are the inner range, so the zone or origin moves to $8.
            sql = ROLLED_UP.formatted(bucketStart.replace("$6", "$8"));
            parameters.addOffsetDateTime(SqlTimes.utc(innerFrom)).addOffsetDateTime(SqlTimes.utc(innerTo));
        } else {
            sql = RAW.formatted(bucketStart);
        }
        if (window.bucket().isCalendarDay()) {
            parameters.addString(window.zone().getId());
        } else {
            parameters.addOffsetDateTime(SqlTimes.utc(window.origin()));
        }
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            List<AggregatePoint> points = new ArrayList<>(rows.size());
            for (Row row : rows) {
                points.add(new AggregatePoint(row.getOffsetDateTime("bucket_start").toInstant(), row.getLong("n"),
                        row.getDouble("avg"), row.getDouble("min"), row.getDouble("max")));
            }
            return points;
        });
    }

    /**
     * Whether every bucket boundary of the window is a UTC quarter hour: for fixed widths of 15
     * minutes or more, when the origin is one; for local days, when the zone's offset at from and
     * after every change until to is a whole number of quarter hours.
     */
    static boolean servedByRollups(AggregateWindow window) {
        Bucket bucket = window.bucket();
        if (!bucket.isCalendarDay()) {
            return bucket.width().compareTo(ROLLUP) >= 0 && bucket.width().toSeconds() % ROLLUP.toSeconds() == 0
                    && onQuarterHour(window.origin());
        }
        ZoneRules rules = window.zone().getRules();
        if (rules.getOffset(window.from()).getTotalSeconds() % ROLLUP.toSeconds() != 0) {
            return false;
        }
        for (ZoneOffsetTransition change = rules.nextTransition(window.from());
                change != null && change.getInstant().isBefore(window.to());
                change = rules.nextTransition(change.getInstant())) {
            if (change.getOffsetAfter().getTotalSeconds() % ROLLUP.toSeconds() != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean onQuarterHour(Instant instant) {
        return instant.getNano() == 0 && Math.floorMod(instant.getEpochSecond(), ROLLUP.toSeconds()) == 0;
    }

    private static Instant floorToQuarterHour(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), ROLLUP.toSeconds()) * ROLLUP.toSeconds());
    }

    private static Instant ceilToQuarterHour(Instant instant) {
        Instant floor = floorToQuarterHour(instant);
        return floor.equals(instant) ? floor : floor.plus(ROLLUP);
    }
}
