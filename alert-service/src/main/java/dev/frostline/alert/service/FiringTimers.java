package dev.frostline.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.frostline.alert.config.AlertConfig;
import dev.frostline.alert.excursion.ExcursionInput;
import dev.frostline.alert.repository.AlertRow;
import dev.frostline.alert.repository.ChangeSet;
import dev.frostline.alert.repository.EngineStore;
import dev.frostline.alert.repository.EngineStore.DueTimer;
import dev.frostline.alert.repository.PairKey;
import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.repository.StoredState;
import dev.frostline.alert.repository.UnitInfo;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.RuleKind;
import dev.frostline.contracts.events.AlertEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Fires the timers that are due by the injected {@link Clock}: excursion timers (alarm due, restore
 * due, offline deadline) as {@link ExcursionInput.TimerFired}, escalation timers through
 * {@link dev.frostline.alert.escalation.EscalatingAlert}; and starts monitoring units the
 * projection has that have no offline state yet ({@link ExcursionInput.MonitoringStarted}), so a
 * unit that never reports still goes offline.
 *
 * <p>Never twice: a timer row is taken with {@code FOR UPDATE SKIP LOCKED} and deleted (or moved
 * to its next due time) in the transaction that applies it, so two instances polling together take
 * disjoint rows, and a crash before commit leaves the row for the next poll. A state row another
 * transaction holds (its unit's readings are being evaluated) is skipped, never waited for, and its
 * timer stays for the next poll; the reading applies whatever was due by its time anyway.
 */
@ApplicationScoped
public class FiringTimers {

    private static final int MAX_BATCHES_PER_POLL = 20;

    private final EngineCommits commits;
    private final Pool pool;
    private final EngineStore store;
    private final RulePrecedence precedence;
    private final ObjectWriter events;
    private final Clock clock;
    private final AlertConfig config;

    public FiringTimers(EngineCommits commits, Pool pool, EngineStore store, RulePrecedence precedence,
            ObjectMapper mapper, Clock clock, AlertConfig config) {
        this.commits = commits;
        this.pool = pool;
        this.store = store;
        this.precedence = precedence;
        this.events = mapper.writerFor(AlertEvent.class);
        this.clock = clock;
        this.config = config;
    }

    /** Fires everything due now, a batch per transaction, until nothing is left; returns how many fired. */
    public Uni<Integer> fireDue() {
        return fireDue(clock.instant(), MAX_BATCHES_PER_POLL);
    }

    private Uni<Integer> fireDue(Instant now, int batchesLeft) {
        // Bounded: timers whose state another transaction holds stay due and would be taken again.
        return fireBatch(now).chain(fired -> fired < config.timers().batchSize() || batchesLeft <= 1
                ? Uni.createFrom().item(fired)
                : fireDue(now, batchesLeft - 1).map(more -> fired + more));
    }

    private Uni<Integer> fireBatch(Instant now) {
        return commits.inTransaction((connection, flush) -> store.lockDueTimers(connection, now, config.timers().batchSize())
                .chain(timers -> timers.isEmpty() ? Uni.createFrom().item(0)
                        : fire(connection, flush, timers, now).replaceWith(timers.size())));
    }

    private Uni<Void> fire(SqlConnection connection, EngineCommits.Flush flush, List<DueTimer> timers, Instant now) {
        Set<UUID> unitIds = new HashSet<>();
        Set<PairKey> pairs = new HashSet<>();
        Set<UUID> alertIds = new HashSet<>();
        for (DueTimer timer : timers) {
            unitIds.add(timer.pair().unitId());
            if (ChangeSet.EXCURSION_LANE.equals(timer.lane())) {
                pairs.add(timer.pair());
            } else if (timer.alertId() != null) {
                alertIds.add(timer.alertId());
            }
        }
        return store.units(connection, unitIds).chain(units -> {
            Set<UUID> orgs = new HashSet<>();
            timers.forEach(t -> orgs.add(t.orgId()));
            return store.rulesOfOrgs(connection, orgs)
                    .chain(rules -> store.lockPairsSkipLocked(connection, pairs)
                            .chain(states -> {
                                Set<UUID> needed = new HashSet<>(alertIds);
                                needed.addAll(EvaluatingReadings.openAlerts(states));
                                return store.alerts(connection, needed, "for update skip locked").map(alerts -> {
                                    EngineTransaction tx = new EngineTransaction(states, alerts, units, events, now);
                                    for (DueTimer timer : timers) {
                                        fireOne(tx, timer, units, rules, states, now);
                                    }
                                    return tx;
                                });
                            }))
                    .chain(tx -> flush.flush(tx.changes));
        });
    }

    private void fireOne(EngineTransaction tx, DueTimer timer, Map<UUID, UnitInfo> units,
            Map<UUID, List<StoredRule>> rules, Map<PairKey, StoredState> locked, Instant now) {
        UnitInfo unit = units.get(timer.pair().unitId());
        if (ChangeSet.ESCALATION_LANE.equals(timer.lane())) {
            AlertRow alert = timer.alertId() == null ? null : tx.alert(timer.alertId());
            if (alert == null) {
                // Held by another transaction (an acknowledgement in progress): next poll.
                return;
            }
            // Everything due by now, not only this timer's notice: the next one may be due already.
            tx.escalate(alert, later(timer.due(), now), unit);
            return;
        }
        if (!locked.containsKey(timer.pair())) {
            if (tx.state(timer.pair()) == null && unit == null) {
                tx.changes.cancelTimer(timer.pair(), ChangeSet.EXCURSION_LANE, timer.generation());
            }
            // Either held by a reading batch (which applies what is due itself), or a state that is gone.
            return;
        }
        StoredRule rule = unit == null || unit.deleted() ? null
                : precedence.effective(unit.placement(), rules.getOrDefault(unit.placement().orgId(), List.of()))
                        .get(timer.key());
        if (rule == null) {
            tx.drop(timer.pair(), unit);
            return;
        }
        // The domain consumes the fired timer (no TimerCancelled for it): its row goes here.
        tx.changes.cancelTimer(timer.pair(), ChangeSet.EXCURSION_LANE, timer.generation());
        tx.apply(unit, rule, new ExcursionInput.TimerFired(timer.generation(), later(timer.due(), now)), null);
    }

    /** The next timer row to fall due after now (of any instance), and whether due rows are left. */
    public Uni<EngineStore.NextTimers> nextTimers() {
        return store.nextTimers(pool, clock.instant());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Starts the offline watch of units that have none yet; returns how many. */
    public Uni<Integer> startMonitoring() {
        Instant now = clock.instant();
        return commits.inTransaction((connection, flush) -> store.unitsNotMonitored(connection, config.timers().batchSize())
                .chain(units -> {
                    if (units.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Set<UUID> orgs = new HashSet<>();
                    units.values().forEach(u -> orgs.add(u.placement().orgId()));
                    return store.rulesOfOrgs(connection, orgs).chain(rules -> store.lockStates(connection, units.keySet())
                            .chain(states -> {
                                EngineTransaction tx = new EngineTransaction(states, Map.of(), units, events, now);
                                int started = 0;
                                for (UnitInfo unit : units.values()) {
                                    PairKey pair = new PairKey(unit.placement().unitId(), new RuleKey(RuleKind.OFFLINE, null));
                                    StoredRule offline = precedence.effective(unit.placement(),
                                            rules.getOrDefault(unit.placement().orgId(), List.of()))
                                            .get(pair.key());
                                    if (offline != null && tx.state(pair) == null) {
                                        tx.apply(unit, offline, new ExcursionInput.MonitoringStarted(now), null);
                                        started++;
                                    }
                                }
                                int count = started;
                                // Insert only: a reading batch may have created the state since it was
                                // looked up (no row to lock yet), and its state is the newer one.
                                tx.changes.insertStatesOnly();
                                return flush.flush(tx.changes).replaceWith(count);
                            }));
                }))
                .onFailure().invoke(e -> Log.warnf("starting the offline watch failed, next poll retries: %s", e))
                .onFailure().recoverWithItem(0);
    }
}
