package dev.frostline.alert.repository;

import dev.frostline.alert.alert.AlertState;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.Severity;
import dev.frostline.alert.rule.UnitPlacement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine's SQL, on the reactive PostgreSQL client: each read takes a whole batch's units in one
 * query (arrays), and {@link #flush} writes a {@link ChangeSet} in a handful of statements. Row
 * locks are always taken in the same order (positions, then states by primary key, then alerts), so
 * concurrent transactions of two instances wait for each other instead of deadlocking; the timer
 * poller only ever skips locked rows, so it never waits at all.
 */
@ApplicationScoped
public class EngineStore {

    private static final String LOCK_POSITIONS = """
            insert into consumer_positions (topic, partition, next_offset)
            select $1, p, 0 from unnest($2::int4[]) p order by p
            on conflict (topic, partition) do update set next_offset = consumer_positions.next_offset
            returning partition, next_offset
            """;
    private static final String SAVE_POSITIONS = """
            update consumer_positions c set next_offset = u.next_offset
            from unnest($2::int4[], $3::int8[]) as u (partition, next_offset)
            where c.topic = $1 and c.partition = u.partition
            """;
    private static final String UNIT_COLUMNS = "unit_id, org_id, site_id, area_id, type, name, site_name, deleted";
    private static final String UNITS = "select " + UNIT_COLUMNS + " from unit_projection where unit_id = any($1)";
    private static final String RULES_OF_ORGS = "select " + RuleRows.COLUMNS + " from alert_rules where org_id = any($1)";
    private static final String LOCK_STATES = "select " + StateRows.COLUMNS
            + " from excursion_states where unit_id = any($1) order by unit_id, rule_kind, metric for update";
    private static final String READ_STATES = "select " + StateRows.COLUMNS
            + " from excursion_states where unit_id = any($1)";
    private static final String LOCK_PAIRS_SKIP_LOCKED = "select " + StateRows.COLUMNS + " from excursion_states s"
            + " where (unit_id, rule_kind, metric) in (select * from unnest($1::uuid[], $2::text[], $3::text[]))"
            + " order by unit_id, rule_kind, metric for update skip locked";
    private static final String ALERT_COLUMNS = "id, org_id, site_id, unit_id, rule_id, rule_kind, metric, severity,"
            + " state, since, opened_at, trigger_value, peak_value, min_value, max_value, triggering_reading_id,"
            + " escalation, notified_up_to, acknowledged_at, acknowledged_by, acknowledge_note, resolved_at,"
            + " resolved_by, resolve_note, resolution";
    private static final String ALERTS_BY_ID = "select " + ALERT_COLUMNS + " from alerts where id = any($1)";
    private static final String INSERT_ALERT = "insert into alerts (" + ALERT_COLUMNS + ") values ($1, $2, $3, $4,"
            + " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)"
            + " on conflict (id) do nothing";
    private static final String UPDATE_ALERT = "update alerts set state = $2, peak_value = $3, notified_up_to = $4,"
            + " acknowledged_at = $5, acknowledged_by = $6, acknowledge_note = $7, resolved_at = $8, resolved_by = $9,"
            + " resolve_note = $10, resolution = $11 where id = $1";
    private static final String DELETE_STATES = """
            delete from excursion_states s using unnest($1::uuid[], $2::text[], $3::text[]) as u (unit_id, rule_kind, metric)
            where s.unit_id = u.unit_id and s.rule_kind = u.rule_kind and s.metric = u.metric
            """;
    private static final String DELETE_TIMERS = """
            delete from timers t
            using unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int8[]) as u (unit_id, rule_kind, metric, lane, generation)
            where t.unit_id = u.unit_id and t.rule_kind = u.rule_kind and t.metric = u.metric and t.lane = u.lane
              and (u.generation < 0 or t.generation = u.generation)
            """;
    private static final String UPSERT_TIMERS = """
            insert into timers (unit_id, rule_kind, metric, lane, generation, due_at, org_id, alert_id)
            select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int8[], $6::timestamptz[],
                                 $7::uuid[], $8::uuid[])
            on conflict (unit_id, rule_kind, metric, lane) do update set generation = excluded.generation,
              due_at = excluded.due_at, org_id = excluded.org_id, alert_id = excluded.alert_id
            """;
    private static final String INSERT_TIMELINE =
            "insert into alert_timeline (alert_id, at, entry, value, actor, note) values ($1, $2, $3, $4, $5, $6)";
    private static final String INSERT_NOTIFICATION = """
            insert into notification_requests (id, org_id, alert_id, site_id, unit_id, kind, severity, audience, subject,
                                               body, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (id) do nothing
            """;
    // One statement for all of a change set's events, inserted in the order they were written, so the
    // serial IDs (taken row by row) sort in that order too.
    private static final String INSERT_OUTBOX = """
            insert into outbox (topic, record_key, payload, created_at)
            select t, k, p, c from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) with ordinality as u (t, k, p, c, n)
            order by n
            returning id
            """;

    /** The next offset to process per partition, row-locked until the transaction ends (0 if none yet). */
    public Uni<Map<Integer, Long>> lockPositions(SqlConnection connection, String topic, Collection<Integer> partitions) {
        Integer[] array = partitions.stream().sorted().toArray(Integer[]::new);
        return connection.preparedQuery(LOCK_POSITIONS).execute(Tuple.of(topic, array)).map(rows -> {
            Map<Integer, Long> positions = new HashMap<>();
            for (Row row : rows) {
                positions.put(row.getInteger("partition"), row.getLong("next_offset"));
            }
            return positions;
        });
    }

    public Uni<Void> savePositions(SqlConnection connection, String topic, Map<Integer, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Integer[] partitions = nextOffsets.keySet().toArray(Integer[]::new);
        Long[] offsets = new Long[partitions.length];
        for (int i = 0; i < partitions.length; i++) {
            offsets[i] = nextOffsets.get(partitions[i]);
        }
        return connection.preparedQuery(SAVE_POSITIONS).execute(Tuple.of(topic, partitions, offsets)).replaceWithVoid();
    }

    public Uni<Map<UUID, UnitInfo>> units(SqlConnection connection, Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(UNITS).execute(Tuple.of(unitIds.toArray(UUID[]::new))).map(EngineStore::units);
    }

    /** Live units of an org (rule changes re-evaluate them); for a rule scope narrower than the org, only those. */
    public Uni<Map<UUID, UnitInfo>> liveUnitsOfOrg(SqlConnection connection, UUID orgId) {
        return connection.preparedQuery("select " + UNIT_COLUMNS + " from unit_projection where org_id = $1"
                + " and not deleted").execute(Tuple.of(orgId)).map(EngineStore::units);
    }

    /** Live units with no offline state yet: monitoring has not started for them. */
    public Uni<Map<UUID, UnitInfo>> unitsNotMonitored(SqlConnection connection, int limit) {
        return connection.preparedQuery("select " + UNIT_COLUMNS + " from unit_projection u where not u.deleted"
                        + " and not exists (select 1 from excursion_states s where s.unit_id = u.unit_id"
                        + " and s.rule_kind = 'offline') limit $1")
                .execute(Tuple.of(limit)).map(EngineStore::units);
    }

    private static Map<UUID, UnitInfo> units(RowSet<Row> rows) {
        Map<UUID, UnitInfo> units = new LinkedHashMap<>();
        for (Row row : rows) {
            UnitPlacement placement = new UnitPlacement(row.getUUID("org_id"), row.getUUID("site_id"),
                    row.getUUID("area_id"), row.getUUID("unit_id"), row.getString("type"));
            units.put(placement.unitId(), new UnitInfo(placement, row.getString("name"), row.getString("site_name"),
                    row.getBoolean("deleted")));
        }
        return units;
    }

    public Uni<Map<UUID, List<StoredRule>>> rulesOfOrgs(SqlConnection connection, Collection<UUID> orgIds) {
        if (orgIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(RULES_OF_ORGS).execute(Tuple.of(orgIds.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, List<StoredRule>> rules = new HashMap<>();
            for (Row row : rows) {
                rules.computeIfAbsent(row.getUUID("org_id"), org -> new ArrayList<>()).add(RuleRows.read(row));
            }
            return rules;
        });
    }

    /** Every state of these units, row-locked in primary-key order. */
    public Uni<Map<PairKey, StoredState>> lockStates(SqlConnection connection, Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return connection.preparedQuery(LOCK_STATES).execute(Tuple.of(unitIds.toArray(UUID[]::new)))
                .map(EngineStore::states);
    }

    /**
     * Every state of these units, not locked: for a change set written with
     * {@link ChangeSet#writeStatesIfUnchanged()}, which then fails with {@link StaleStates} if another
     * transaction rewrote one of them meanwhile.
     */
    public Uni<Map<PairKey, StoredState>> readStates(SqlConnection connection, Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return connection.preparedQuery(READ_STATES).execute(Tuple.of(unitIds.toArray(UUID[]::new)))
                .map(EngineStore::states);
    }

    /** These pairs' states that no other transaction holds; the others are left for a later poll. */
    public Uni<Map<PairKey, StoredState>> lockPairsSkipLocked(SqlConnection connection, Collection<PairKey> pairs) {
        if (pairs.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        UUID[] units = new UUID[pairs.size()];
        String[] kinds = new String[pairs.size()];
        String[] metrics = new String[pairs.size()];
        int i = 0;
        for (PairKey pair : pairs) {
            units[i] = pair.unitId();
            kinds[i] = pair.key().kind().wireName();
            metrics[i] = StateRows.metricColumn(pair.key());
            i++;
        }
        return connection.preparedQuery(LOCK_PAIRS_SKIP_LOCKED).execute(Tuple.of(units, kinds, metrics))
                .map(EngineStore::states);
    }

    private static Map<PairKey, StoredState> states(RowSet<Row> rows) {
        Map<PairKey, StoredState> states = new HashMap<>();
        for (Row row : rows) {
            StoredState state = StateRows.read(row);
            states.put(state.pair(), state);
        }
        return states;
    }

    public Uni<Map<UUID, AlertRow>> alerts(SqlConnection connection, Collection<UUID> ids, String lock) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return connection.preparedQuery(ALERTS_BY_ID + " order by id " + lock)
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, AlertRow> alerts = new HashMap<>();
                    for (Row row : rows) {
                        AlertRow alert = alert(row);
                        alerts.put(alert.id, alert);
                    }
                    return alerts;
                });
    }

    public static AlertRow alert(Row row) {
        AlertRow alert = new AlertRow();
        alert.id = row.getUUID("id");
        alert.orgId = row.getUUID("org_id");
        alert.siteId = row.getUUID("site_id");
        alert.unitId = row.getUUID("unit_id");
        alert.ruleId = row.getUUID("rule_id");
        alert.key = StateRows.key(row.getString("rule_kind"), row.getString("metric"));
        alert.severity = Severity.valueOf(row.getString("severity").toUpperCase(Locale.ROOT));
        alert.state = AlertState.valueOf(row.getString("state").toUpperCase(Locale.ROOT));
        alert.since = SqlTimes.instant(row, "since");
        alert.openedAt = SqlTimes.instant(row, "opened_at");
        alert.triggerValue = row.getDouble("trigger_value");
        alert.peak = row.getDouble("peak_value");
        alert.min = row.getDouble("min_value");
        alert.max = row.getDouble("max_value");
        alert.triggeringReadingId = row.getUUID("triggering_reading_id");
        alert.escalation = EscalationJson.policy(row.getJsonObject("escalation"));
        alert.notifiedUpTo = SqlTimes.instant(row, "notified_up_to");
        alert.acknowledgedAt = SqlTimes.instant(row, "acknowledged_at");
        alert.acknowledgedBy = row.getUUID("acknowledged_by");
        alert.acknowledgeNote = row.getString("acknowledge_note");
        alert.resolvedAt = SqlTimes.instant(row, "resolved_at");
        alert.resolvedBy = row.getUUID("resolved_by");
        alert.resolveNote = row.getString("resolve_note");
        alert.resolution = row.getString("resolution");
        return alert;
    }

    /** Writes the change set: states, timers (deletes before upserts), alerts, timeline, notices, outbox. */
    public Uni<Void> flush(SqlConnection connection, ChangeSet changes) {
        List<Uni<?>> steps = new ArrayList<>();
        if (changes.stateWrites == ChangeSet.StateWrites.IF_UNCHANGED) {
            if (!changes.deletedStates.isEmpty()) {
                throw new IllegalStateException("a change set written without locks cannot delete states");
            }
            writeIfUnchanged(steps, connection, changes.states.values());
        } else if (!changes.states.isEmpty()) {
            String sql = changes.stateWrites == ChangeSet.StateWrites.INSERT_IF_ABSENT ? StateRows.INSERT_IF_ABSENT
                    : StateRows.UPSERT;
            steps.add(connection.preparedQuery(sql)
                    .execute(Tuple.from(StateRows.arrays(List.copyOf(changes.states.values())))));
        }
        if (!changes.deletedStates.isEmpty()) {
            List<PairKey> pairs = List.copyOf(changes.deletedStates);
            steps.add(connection.preparedQuery(DELETE_STATES).execute(Tuple.of(
                    pairs.stream().map(PairKey::unitId).toArray(UUID[]::new),
                    pairs.stream().map(p -> p.key().kind().wireName()).toArray(String[]::new),
                    pairs.stream().map(p -> StateRows.metricColumn(p.key())).toArray(String[]::new))));
        }
        if (!changes.timerDeletes.isEmpty()) {
            List<ChangeSet.TimerDelete> deletes = changes.timerDeletes;
            steps.add(connection.preparedQuery(DELETE_TIMERS).execute(Tuple.of(
                    deletes.stream().map(d -> d.key().pair().unitId()).toArray(UUID[]::new),
                    deletes.stream().map(d -> d.key().pair().key().kind().wireName()).toArray(String[]::new),
                    deletes.stream().map(d -> StateRows.metricColumn(d.key().pair().key())).toArray(String[]::new),
                    deletes.stream().map(d -> d.key().lane()).toArray(String[]::new),
                    deletes.stream().map(ChangeSet.TimerDelete::generation).toArray(Long[]::new))));
        }
        if (!changes.timerUpserts.isEmpty()) {
            List<ChangeSet.TimerRow> timers = List.copyOf(changes.timerUpserts.values());
            steps.add(connection.preparedQuery(UPSERT_TIMERS).execute(Tuple.tuple()
                    .addValue(timers.stream().map(t -> t.key().pair().unitId()).toArray(UUID[]::new))
                    .addValue(timers.stream().map(t -> t.key().pair().key().kind().wireName()).toArray(String[]::new))
                    .addValue(timers.stream().map(t -> StateRows.metricColumn(t.key().pair().key())).toArray(String[]::new))
                    .addValue(timers.stream().map(t -> t.key().lane()).toArray(String[]::new))
                    .addValue(timers.stream().map(ChangeSet.TimerRow::generation).toArray(Long[]::new))
                    .addValue(timers.stream().map(t -> SqlTimes.utc(t.due())).toArray(OffsetDateTime[]::new))
                    .addValue(timers.stream().map(ChangeSet.TimerRow::orgId).toArray(UUID[]::new))
                    .addValue(timers.stream().map(ChangeSet.TimerRow::alertId).toArray(UUID[]::new))));
        }
        // Updates first: a resolve frees the (unit, key) slot of the one-open-alert index for a new alert.
        batch(steps, connection, UPDATE_ALERT, changes.updatedAlerts.values().stream().map(EngineStore::updateTuple).toList());
        batch(steps, connection, INSERT_ALERT, changes.insertedAlerts.values().stream().map(EngineStore::insertTuple).toList());
        batch(steps, connection, INSERT_TIMELINE, changes.timeline);
        batch(steps, connection, INSERT_NOTIFICATION, changes.notifications);
        if (!changes.outbox.isEmpty()) {
            steps.add(insertOutbox(connection, changes));
        }
        // One connection runs its statements in order; chaining keeps that order explicit.
        Uni<?> chain = Uni.createFrom().voidItem();
        for (Uni<?> step : steps) {
            chain = chain.chain(() -> step);
        }
        return chain.replaceWithVoid();
    }

    /**
     * Rows read at a version are rewritten only if still at it, new ones inserted only if still absent;
     * a count short of what was sent means another transaction wrote one of them since it was read.
     */
    private static void writeIfUnchanged(List<Uni<?>> steps, SqlConnection connection, Collection<StoredState> states) {
        List<StoredState> read = new ArrayList<>();
        List<StoredState> absent = new ArrayList<>();
        for (StoredState state : states) {
            (state.rowVersion() == StoredState.NEW ? absent : read).add(state);
        }
        writeAll(steps, connection, StateRows.UPDATE_IF_UNCHANGED, read);
        writeAll(steps, connection, StateRows.INSERT_IF_ABSENT, absent);
    }

    /** One statement for these states, failing with {@link StaleStates} unless it wrote every one of them. */
    private static void writeAll(List<Uni<?>> steps, SqlConnection connection, String sql, List<StoredState> states) {
        if (states.isEmpty()) {
            return;
        }
        steps.add(connection.preparedQuery(sql).execute(Tuple.from(StateRows.arrays(states))).invoke(rows -> {
            if (rows.rowCount() != states.size()) {
                throw new StaleStates(states.size() - rows.rowCount());
            }
        }));
    }

    /** Inserts the outbox rows and keeps their IDs, so they can be published and marked after commit. */
    private static Uni<Void> insertOutbox(SqlConnection connection, ChangeSet changes) {
        List<ChangeSet.OutboxRecord> records = changes.outbox;
        return connection.preparedQuery(INSERT_OUTBOX).execute(Tuple.of(
                        records.stream().map(ChangeSet.OutboxRecord::topic).toArray(String[]::new),
                        records.stream().map(ChangeSet.OutboxRecord::key).toArray(String[]::new),
                        records.stream().map(ChangeSet.OutboxRecord::payload).toArray(String[]::new),
                        records.stream().map(ChangeSet.OutboxRecord::createdAt).toArray(OffsetDateTime[]::new)))
                .invoke(rows -> {
                    List<Long> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    ids.sort(null);
                    changes.outboxIds.clear();
                    changes.outboxIds.addAll(ids);
                })
                .replaceWithVoid();
    }

    /** Marks outbox rows published (their events are on Kafka), so the relay's sweep leaves them. */
    public Uni<Void> markPublished(Pool pool, List<Long> ids) {
        return pool.preparedQuery("update outbox set published_at = now() where id = any($1) and published_at is null")
                .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    /**
     * The earliest timer row still to fall due after {@code now} (empty if none), and whether rows
     * due by {@code now} are left (held by other transactions, or beyond a pass's limit). Both from
     * the due-time index, whoever wrote the rows.
     */
    public Uni<NextTimers> nextTimers(Pool pool, Instant now) {
        return pool.preparedQuery("select (select min(due_at) from timers where due_at > $1) as next,"
                + " exists (select 1 from timers where due_at <= $1) as overdue").execute(Tuple.of(SqlTimes.utc(now)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new NextTimers(Optional.ofNullable(SqlTimes.instant(row, "next")), row.getBoolean("overdue"));
                });
    }

    /** What {@link #nextTimers} found. */
    public record NextTimers(Optional<Instant> next, boolean overdue) {
    }

    private static void batch(List<Uni<?>> steps, SqlConnection connection, String sql, List<Tuple> tuples) {
        if (!tuples.isEmpty()) {
            steps.add(connection.preparedQuery(sql).executeBatch(tuples));
        }
    }

    private static Tuple insertTuple(AlertRow a) {
        return Tuple.tuple().addUUID(a.id).addUUID(a.orgId).addUUID(a.siteId).addUUID(a.unitId).addUUID(a.ruleId)
                .addString(a.key.kind().wireName()).addString(StateRows.metricColumn(a.key))
                .addString(a.severity.wireName()).addString(a.state.wireName())
                .addOffsetDateTime(SqlTimes.utc(a.since)).addOffsetDateTime(SqlTimes.utc(a.openedAt))
                .addDouble(a.triggerValue).addDouble(a.peak).addDouble(a.min).addDouble(a.max)
                .addUUID(a.triggeringReadingId).addValue(EscalationJson.of(a.escalation))
                .addOffsetDateTime(SqlTimes.utc(a.notifiedUpTo)).addOffsetDateTime(SqlTimes.utc(a.acknowledgedAt))
                .addUUID(a.acknowledgedBy).addString(a.acknowledgeNote).addOffsetDateTime(SqlTimes.utc(a.resolvedAt))
                .addUUID(a.resolvedBy).addString(a.resolveNote).addString(a.resolution);
    }

    private static Tuple updateTuple(AlertRow a) {
        return Tuple.tuple().addUUID(a.id).addString(a.state.wireName()).addDouble(a.peak)
                .addOffsetDateTime(SqlTimes.utc(a.notifiedUpTo)).addOffsetDateTime(SqlTimes.utc(a.acknowledgedAt))
                .addUUID(a.acknowledgedBy).addString(a.acknowledgeNote).addOffsetDateTime(SqlTimes.utc(a.resolvedAt))
                .addUUID(a.resolvedBy).addString(a.resolveNote).addString(a.resolution);
    }

    /** Timers due by {@code now}, locked; those another instance holds are skipped, never waited for. */
    public Uni<List<DueTimer>> lockDueTimers(SqlConnection connection, Instant now, int limit) {
        return connection.preparedQuery("select unit_id, rule_kind, metric, lane, generation, due_at, org_id, alert_id"
                        + " from timers where due_at <= $1 order by due_at limit $2 for update skip locked")
                .execute(Tuple.of(SqlTimes.utc(now), limit)).map(rows -> {
                    List<DueTimer> timers = new ArrayList<>();
                    for (Row row : rows) {
                        timers.add(new DueTimer(new PairKey(row.getUUID("unit_id"),
                                StateRows.key(row.getString("rule_kind"), row.getString("metric"))),
                                row.getString("lane"), row.getLong("generation"), SqlTimes.instant(row, "due_at"),
                                row.getUUID("org_id"), row.getUUID("alert_id")));
                    }
                    return timers;
                });
    }

    /** A timer row that came due. */
    public record DueTimer(PairKey pair, String lane, long generation, Instant due, UUID orgId, UUID alertId) {
        public RuleKey key() {
            return pair.key();
        }
    }
}
