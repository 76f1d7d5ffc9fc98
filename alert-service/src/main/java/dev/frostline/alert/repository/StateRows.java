package dev.frostline.alert.repository;

import dev.frostline.alert.excursion.ExcursionState;
import dev.frostline.alert.excursion.ExcursionTimer;
import dev.frostline.alert.excursion.Phase;
import dev.frostline.alert.excursion.TimerPurpose;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.RuleKind;
import dev.frostline.alert.threshold.MetricNames;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

/** {@link StoredState} to and from {@code excursion_states}; rule keys to and from their two key columns. */
public final class StateRows {

    /** The columns a state is written with, in the order of {@link #arrays}. */
    private static final List<String> WRITTEN = List.of("unit_id", "rule_kind", "metric", "org_id", "rule_id",
            "rule_version", "phase", "phase_since", "excursion_start", "peak", "clock", "last_value", "last_seen",
            "timer_generation", "timer_due", "timer_purpose", "timers_scheduled", "alert_id", "row_version");
    private static final List<String> TYPES = List.of("uuid", "text", "text", "uuid", "uuid", "int8", "text",
            "timestamptz", "timestamptz", "float8", "timestamptz", "float8", "timestamptz", "int8", "timestamptz",
            "text", "int8", "uuid", "int8");
    private static final List<String> KEY = List.of("unit_id", "rule_kind", "metric");

    static final String COLUMNS = String.join(", ", WRITTEN);

    /** The batch's states as arrays, so one plan serves every batch size; row_version holds the version to write. */
    private static final String UNNEST = "unnest(" + String.join(", ", IntStream.range(0, WRITTEN.size())
            .mapToObj(i -> "$" + (i + 1) + "::" + TYPES.get(i) + "[]").toList()) + ")";

    /** {@code org_id = <source>.org_id, ...}: every column a rewrite sets, except the key and row_version. */
    private static String assignedFrom(String source) {
        return String.join(", ", WRITTEN.stream()
                .filter(column -> !KEY.contains(column) && !column.equals("row_version"))
                .map(column -> column + " = " + source + "." + column).toList());
    }

    /** For writers that hold the rows locked: every state of the batch, inserted or rewritten. */
    static final String UPSERT = "insert into excursion_states (" + COLUMNS + ") select * from " + UNNEST
            + " on conflict (unit_id, rule_kind, metric) do update set " + assignedFrom("excluded")
            + ", row_version = excursion_states.row_version + 1";

    static final String INSERT_IF_ABSENT = "insert into excursion_states (" + COLUMNS + ") select * from " + UNNEST
            + " on conflict (unit_id, rule_kind, metric) do nothing";

    /**
     * For writers that did not lock the rows: rewrites each row only if it is still at the version it
     * was read at (the written version minus one). The caller compares the count with what it sent.
     */
    static final String UPDATE_IF_UNCHANGED = "update excursion_states s set "
            + assignedFrom("u") + ", row_version = u.row_version from " + UNNEST + " as u ("
            + COLUMNS + ") where s.unit_id = u.unit_id and s.rule_kind = u.rule_kind and s.metric = u.metric"
            + " and s.row_version = u.row_version - 1";

    private StateRows() {
    }

    /** The metric column of a key: '' for offline, which has no metric (a key column, so never null). */
    public static String metricColumn(RuleKey key) {
        return key.metric() == null ? "" : key.metric().wireName();
    }

    public static RuleKey key(String kind, String metric) {
        RuleKind ruleKind = RuleKind.valueOf(kind.toUpperCase(Locale.ROOT));
        return new RuleKey(ruleKind, metric == null || metric.isEmpty() ? null : MetricNames.parse(metric));
    }

    static StoredState read(Row row) {
        PairKey pair = new PairKey(row.getUUID("unit_id"), key(row.getString("rule_kind"), row.getString("metric")));
        Long generation = row.getLong("timer_generation");
        ExcursionTimer timer = generation == null ? null : new ExcursionTimer(generation,
                SqlTimes.instant(row, "timer_due"), TimerPurpose.valueOf(row.getString("timer_purpose")));
        ExcursionState state = new ExcursionState(Phase.valueOf(row.getString("phase").toUpperCase(Locale.ROOT)),
                SqlTimes.instant(row, "phase_since"), SqlTimes.instant(row, "excursion_start"), row.getDouble("peak"),
                SqlTimes.instant(row, "clock"), row.getDouble("last_value"), SqlTimes.instant(row, "last_seen"), timer,
                row.getLong("timers_scheduled"));
        return new StoredState(pair, row.getUUID("org_id"), row.getUUID("rule_id"), row.getLong("rule_version"), state,
                row.getUUID("alert_id"), row.getLong("row_version"));
    }

    /** The arrays of {@link #UPSERT} and the other writes: one per written column. */
    static Object[] arrays(List<StoredState> states) {
        int n = states.size();
        UUID[] units = new UUID[n];
        String[] kinds = new String[n];
        String[] metrics = new String[n];
        UUID[] orgs = new UUID[n];
        UUID[] rules = new UUID[n];
        Long[] versions = new Long[n];
        String[] phases = new String[n];
        OffsetDateTime[] phaseSince = new OffsetDateTime[n];
        OffsetDateTime[] excursionStart = new OffsetDateTime[n];
        Double[] peaks = new Double[n];
        OffsetDateTime[] clocks = new OffsetDateTime[n];
        Double[] lastValues = new Double[n];
        OffsetDateTime[] lastSeen = new OffsetDateTime[n];
        Long[] generations = new Long[n];
        OffsetDateTime[] dues = new OffsetDateTime[n];
        String[] purposes = new String[n];
        Long[] scheduled = new Long[n];
        UUID[] alerts = new UUID[n];
        Long[] rowVersions = new Long[n];
        for (int i = 0; i < n; i++) {
            StoredState stored = states.get(i);
            ExcursionState state = stored.state();
            units[i] = stored.pair().unitId();
            kinds[i] = stored.pair().key().kind().wireName();
            metrics[i] = metricColumn(stored.pair().key());
            orgs[i] = stored.orgId();
            rules[i] = stored.ruleId();
            versions[i] = stored.ruleVersion();
            phases[i] = state.phase().wireName();
            phaseSince[i] = SqlTimes.utc(state.phaseSince());
            excursionStart[i] = SqlTimes.utc(state.excursionStart());
            peaks[i] = state.peak();
            clocks[i] = SqlTimes.utc(state.clock());
            lastValues[i] = state.lastValue();
            lastSeen[i] = SqlTimes.utc(state.lastSeen());
            ExcursionTimer timer = state.timer();
            generations[i] = timer == null ? null : timer.generation();
            dues[i] = timer == null ? null : SqlTimes.utc(timer.due());
            purposes[i] = timer == null ? null : timer.purpose().name();
            scheduled[i] = state.timersScheduled();
            alerts[i] = stored.alertId();
            // A new row starts at 0 (NEW + 1), as the table's default did for rows older than the column.
            rowVersions[i] = stored.rowVersion() + 1;
        }
        return new Object[] {units, kinds, metrics, orgs, rules, versions, phases, phaseSince, excursionStart, peaks,
                clocks, lastValues, lastSeen, generations, dues, purposes, scheduled, alerts, rowVersions};
    }
}
