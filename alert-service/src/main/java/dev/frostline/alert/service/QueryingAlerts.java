package dev.frostline.alert.service;

import dev.frostline.alert.alert.AlertState;
import dev.frostline.alert.repository.AlertRow;
import dev.frostline.alert.repository.EngineStore;
import dev.frostline.alert.repository.SqlTimes;
import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The alert history of the caller's org: filtered, newest first, a page at a time. */
@ApplicationScoped
public class QueryingAlerts {

    public static final int MAX_LIMIT = 500;

    /** @param from opened at or after; @param to opened before; any of them null for no filter */
    public record Filter(UUID siteId, UUID unitId, AlertState state, Severity severity, Instant from, Instant to) {
    }

    /** @param nextCursor pass as {@code cursor} for the next page; null on the last one */
    public record Page(List<AlertRow> alerts, String nextCursor) {
    }

    public record TimelineEntry(Instant at, String entry, Double value, UUID actor, String note) {
    }

    public record AlertWithTimeline(AlertRow alert, List<TimelineEntry> timeline) {
    }

    private final Pool pool;
    private final EngineStore store;

    public QueryingAlerts(Pool pool, EngineStore store) {
        this.pool = pool;
        this.store = store;
    }

    public Uni<Page> list(Caller caller, Filter filter, String cursor, int limit) {
        caller.require(Role.VIEWER);
        StringBuilder sql = new StringBuilder("select id from alerts where org_id = $1");
        Tuple params = Tuple.tuple().addUUID(caller.orgId());
        if (filter.siteId() != null) {
            params.addUUID(filter.siteId());
            sql.append(" and site_id = $").append(params.size());
        }
        if (filter.unitId() != null) {
            params.addUUID(filter.unitId());
            sql.append(" and unit_id = $").append(params.size());
        }
        if (filter.state() != null) {
            params.addString(filter.state().wireName());
            sql.append(" and state = $").append(params.size());
        }
        if (filter.severity() != null) {
            params.addString(filter.severity().wireName());
            sql.append(" and severity = $").append(params.size());
        }
        if (filter.from() != null) {
            params.addOffsetDateTime(SqlTimes.utc(filter.from()));
            sql.append(" and opened_at >= $").append(params.size());
        }
        if (filter.to() != null) {
            params.addOffsetDateTime(SqlTimes.utc(filter.to()));
            sql.append(" and opened_at < $").append(params.size());
        }
        if (cursor != null) {
            Cursor after = Cursor.parse(cursor);
            params.addOffsetDateTime(SqlTimes.utc(after.openedAt())).addUUID(after.id());
            sql.append(" and (opened_at, id) < ($").append(params.size() - 1).append(", $").append(params.size())
                    .append(")");
        }
        params.addInteger(limit + 1);
        sql.append(" order by opened_at desc, id desc limit $").append(params.size());
        return pool.withConnection(c -> c.preparedQuery(sql.toString()).execute(params).chain(rows -> {
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getUUID("id"));
            }
            return store.alerts(c, ids, "").map(byId -> {
                List<AlertRow> page = new ArrayList<>();
                for (UUID id : ids.subList(0, Math.min(limit, ids.size()))) {
                    page.add(byId.get(id));
                }
                String next = ids.size() > limit ? new Cursor(page.get(page.size() - 1).openedAt,
                        page.get(page.size() - 1).id).encode() : null;
                return new Page(page, next);
            });
        }));
    }

    public Uni<AlertWithTimeline> get(Caller caller, UUID id) {
        caller.require(Role.VIEWER);
        return pool.withConnection(c -> store.alerts(c, Set.of(id), "").chain(alerts -> {
            AlertRow alert = alerts.get(id);
            if (alert == null || !alert.orgId.equals(caller.orgId())) {
                return Uni.createFrom().failure(ProblemException.notFound("Alert", id));
            }
            return c.preparedQuery("select at, entry, value, actor, note from alert_timeline where alert_id = $1"
                    + " order by at, id").execute(Tuple.of(id)).map(rows -> {
                        List<TimelineEntry> timeline = new ArrayList<>();
                        for (Row row : rows) {
                            timeline.add(new TimelineEntry(SqlTimes.instant(row, "at"), row.getString("entry"),
                                    row.getDouble("value"), row.getUUID("actor"), row.getString("note")));
                        }
                        return new AlertWithTimeline(alert, timeline);
                    });
        }));
    }

    /** Keyset position: the last alert of a page, opaque to clients. */
    record Cursor(Instant openedAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((openedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String value) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.validation("cursor '" + value + "' is not one this API returned.");
            }
        }
    }
}
