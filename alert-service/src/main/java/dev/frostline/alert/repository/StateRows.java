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

/** {@link StoredState} to and from {@code excursion_states}; rule keys to and from their two key columns. */
public final class StateRows {

    static final String COLUMNS = "unit_id, rule_kind, metric, org_id, rule_id, rule_version, phase, phase_since,"
            + " excursion_start, peak, clock, last_value, last_seen, timer_generation, timer_due, timer_purpose,"
            + " timers_scheduled, alert_id";

    /** All changed states of a batch in one statement; rows go in as arrays, so one plan serves every batch size. */
    static final String UPSERT = "insert into excursion_states (" + COLUMNS + ")"
            + " select * from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::int8[],"
            + " $7::text[], $8::timestamptz[], $9::timestamptz[], $10::float8[], $11::timestamptz[], $12::float8[],"
            + " $13::timestamptz[], $14::int8[], $15::timestamptz[], $16::text[], $17::int8[], $18::uuid[])"
            + " on conflict (unit_id, rule_kind, metric) do update set org_id = excluded.org_id,"
            + " rule_id = excluded.rule_id, rule_version = excluded.rule_version, phase = excluded.phase,"
            + " phase_since = excluded.phase_since, excursion_start = excluded.excursion_start, peak = excluded.peak,"
            + " clock = excluded.clock, last_value = excluded.last_value, last_seen = excluded.last_seen,"
            + " timer_generation = excluded.timer_generation, timer_due = excluded.timer_due,"
            + " timer_purpose = excluded.timer_purpose, timers_scheduled = excluded.timers_scheduled,"
            + " alert_id = excluded.alert_id";

    static final String INSERT_IF_ABSENT = UPSERT.substring(0, UPSERT.indexOf(" on conflict"))
            + " on conflict (unit_id, rule_kind, metric) do nothing";

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
                row.getUUID("alert_id"));
    }

    /** The 18 arrays of {@link #UPSERT}. */
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
        }
        return new Object[] {units, kinds, metrics, orgs, rules, versions, phases, phaseSince, excursionStart, peaks,
                clocks, lastValues, lastSeen, generations, dues, purposes, scheduled, alerts};
    }
}
