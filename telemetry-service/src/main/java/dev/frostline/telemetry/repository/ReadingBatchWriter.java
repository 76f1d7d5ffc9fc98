package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.reading.Reading;
import dev.frostline.telemetry.reading.SensorStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores the persister's batches: all readings of a batch in one multi-row insert that also adds
 * them to their 15-minute rollups ({@code reading_rollups_15m}), and the status of their sensors, in
 * one transaction. Rows go in as arrays ({@code unnest}), so the statement is the same whatever the
 * batch size and PostgreSQL plans it once per connection.
 */
@ApplicationScoped
public class ReadingBatchWriter {

    /**
     * A known ID is skipped: a redelivered batch changes nothing. The key of the partitioned table is
     * (id, recorded_at), which a redelivery matches; a retried message whose time the server
     * defaulted to "now" has the same ID at another recorded_at, hence the look for the ID within a
     * day of the reading (a range, so only the partitions it touches are searched).
     *
     * <p>The rollups add only what RETURNING gives: the rows this statement inserted, neither those
     * "not exists" filtered out nor those ON CONFLICT skipped (a concurrent insert of the same reading
     * waits for the other transaction and then returns nothing). So every rollup row stays the exact
     * count/sum/min/max of its readings, however often a batch is delivered. The grouped rows are
     * upserted in key order, so two batches touching the same buckets (persister instances during a
     * rebalance) lock them in the same order and wait instead of deadlocking. Buckets are those of
     * V7's backfill: 15 minutes from an epoch on a UTC quarter hour. A unit belongs to one org, so
     * org_id is the same for the whole group.
     */
    private static final String INSERT_READINGS = """
            with inserted as (
              insert into readings (id, org_id, site_id, unit_id, metric, value, recorded_at, received_at, sensor_id,
                                    message_id)
              select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::float8[],
                                   $7::timestamptz[], $8::timestamptz[], $9::uuid[], $10::text[])
                       as u (id, org_id, site_id, unit_id, metric, value, recorded_at, received_at, sensor_id, message_id)
              where not exists (select 1 from readings r where r.id = u.id
                                and r.recorded_at between u.recorded_at - interval '1 day' and u.recorded_at + interval '1 day')
              on conflict (id, recorded_at) do nothing
              returning org_id, unit_id, metric, value, recorded_at
            )
            insert into reading_rollups_15m as r (org_id, unit_id, metric, bucket_start, n, sum, min, max)
            select (array_agg(org_id))[1], unit_id, metric,
                   date_bin(interval '15 minutes', recorded_at, timestamptz '2000-01-01 00:00:00+00') as bucket_start,
                   count(*), sum(value), min(value), max(value)
            from inserted
            group by unit_id, metric, bucket_start
            order by unit_id, metric, bucket_start
            on conflict (unit_id, metric, bucket_start) do update set
              n = r.n + excluded.n,
              sum = r.sum + excluded.sum,
              min = least(r.min, excluded.min),
              max = greatest(r.max, excluded.max)
            """;

    /** Greatest wins (greatest() ignores nulls), so batches may arrive in any order, more than once. */
    private static final String UPSERT_SENSOR_STATUS = """
            insert into sensor_status as s (sensor_id, org_id, last_seen_at, battery_pct, battery_at)
            select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::float8[], $5::timestamptz[])
            on conflict (sensor_id) do update set
              last_seen_at = greatest(s.last_seen_at, excluded.last_seen_at),
              battery_pct = case when excluded.battery_at > s.battery_at or s.battery_at is null
                                 then coalesce(excluded.battery_pct, s.battery_pct) else s.battery_pct end,
              battery_at = greatest(s.battery_at, excluded.battery_at)
            """;

    private final Pool pool;

    public ReadingBatchWriter(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> store(List<Reading> batch) {
        // The insert's "not exists" sees the table as it was before the statement: a duplicate inside
        // the batch (a request and its retry polled together) is dropped here.
        Map<UUID, Reading> byId = new LinkedHashMap<>();
        batch.forEach(reading -> byId.putIfAbsent(reading.id, reading));
        List<Reading> readings = List.copyOf(byId.values());
        List<SensorStatus> statuses = SensorStatus.of(readings);
        return pool.withTransaction(connection -> insertReadings(connection, readings)
                .chain(() -> upsertStatuses(connection, statuses)));
    }

    private static Uni<Void> insertReadings(SqlConnection connection, List<Reading> readings) {
        int n = readings.size();
        UUID[] ids = new UUID[n];
        UUID[] orgs = new UUID[n];
        UUID[] sites = new UUID[n];
        UUID[] units = new UUID[n];
        String[] metrics = new String[n];
        Double[] values = new Double[n];
        OffsetDateTime[] recordedAt = new OffsetDateTime[n];
        OffsetDateTime[] receivedAt = new OffsetDateTime[n];
        UUID[] sensors = new UUID[n];
        String[] messageIds = new String[n];
        for (int i = 0; i < n; i++) {
            Reading reading = readings.get(i);
            ids[i] = reading.id;
            orgs[i] = reading.orgId;
            sites[i] = reading.siteId;
            units[i] = reading.unitId;
            metrics[i] = reading.metric;
            values[i] = reading.value;
            recordedAt[i] = utc(reading.recordedAt);
            receivedAt[i] = utc(reading.receivedAt);
            sensors[i] = reading.sensorId;
            messageIds[i] = reading.messageId;
        }
        Tuple arrays = Tuple.tuple().addValue(ids).addValue(orgs).addValue(sites).addValue(units).addValue(metrics)
                .addValue(values).addValue(recordedAt).addValue(receivedAt).addValue(sensors).addValue(messageIds);
        return connection.preparedQuery(INSERT_READINGS).execute(arrays).replaceWithVoid();
    }

    private static Uni<Void> upsertStatuses(SqlConnection connection, List<SensorStatus> statuses) {
        if (statuses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = statuses.size();
        UUID[] sensors = new UUID[n];
        UUID[] orgs = new UUID[n];
        OffsetDateTime[] lastSeen = new OffsetDateTime[n];
        Double[] battery = new Double[n];
        OffsetDateTime[] batteryAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            SensorStatus status = statuses.get(i);
            sensors[i] = status.sensorId();
            orgs[i] = status.orgId();
            lastSeen[i] = utc(status.lastSeenAt());
            battery[i] = status.batteryPct();
            batteryAt[i] = utc(status.batteryAt());
        }
        Tuple arrays = Tuple.tuple().addValue(sensors).addValue(orgs).addValue(lastSeen).addValue(battery)
                .addValue(batteryAt);
        return connection.preparedQuery(UPSERT_SENSOR_STATUS).execute(arrays).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
