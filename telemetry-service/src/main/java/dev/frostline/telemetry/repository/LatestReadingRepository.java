package dev.frostline.telemetry.repository;

import dev.frostline.contracts.Metric;
import dev.frostline.telemetry.reading.UnitLatest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's "latest value of every metric of every unit in a site", in one query. Each (unit,
 * metric) pair is one probe of readings_unit_metric_recorded_idx (LATERAL ... LIMIT 1), so the cost
 * grows with units times metrics, never with the readings stored; DISTINCT ON over a unit's readings
 * would read all of them. The metrics are those of the {@link Metric} enum, which ingest accepts.
 */
@ApplicationScoped
public class LatestReadingRepository {

    private static final String LATEST_OF_SITE = """
            select u.unit_id, u.name, u.site_name, m.metric, l.value, l.recorded_at
            from unit_projection u
            cross join unnest($3::text[]) as m(metric)
            left join lateral (
                select r.value, r.recorded_at from readings r
                where r.unit_id = u.unit_id and r.metric = m.metric and r.org_id = u.org_id
                order by r.recorded_at desc, r.id desc
                limit 1
            ) l on true
            where u.org_id = $1 and u.site_id = $2 and not u.deleted
            order by u.name, u.unit_id, m.metric
            """;

    private static final String[] METRICS = Arrays.stream(Metric.values()).map(Metric::wireName)
            .toArray(String[]::new);

    private final Pool pool;

    public LatestReadingRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every live unit of the org in the site, by name; empty when the org has none there. */
    public Uni<List<UnitLatest>> latestOfSite(UUID orgId, UUID siteId) {
        return pool.preparedQuery(LATEST_OF_SITE).execute(Tuple.of(orgId, siteId, METRICS)).map(rows -> {
            Map<UUID, UnitLatest> units = new LinkedHashMap<>();
            for (Row row : rows) {
                UnitLatest unit = units.computeIfAbsent(row.getUUID("unit_id"), id -> new UnitLatest(id,
                        row.getString("name"), row.getString("site_name"), new ArrayList<>()));
                OffsetDateTime recordedAt = row.getOffsetDateTime("recorded_at");
                if (recordedAt != null) {
                    unit.latest().add(new UnitLatest.Latest(row.getString("metric"), row.getDouble("value"),
                            recordedAt.toInstant()));
                }
            }
            return List.copyOf(units.values());
        });
    }
}
