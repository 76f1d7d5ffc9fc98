package dev.frostline.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.frostline.alert.excursion.ExcursionInput;
import dev.frostline.alert.repository.EngineStore;
import dev.frostline.alert.repository.PairKey;
import dev.frostline.alert.repository.StaleStates;
import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.repository.StoredState;
import dev.frostline.alert.repository.UnitInfo;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.RuleKind;
import dev.frostline.alert.rule.UnitPlacement;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.ReadingRecorded;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates a polled batch of readings against the rules in force for their units, in ONE
 * transaction: the batch's partitions' processed positions are row-locked first, records at or
 * past those positions are skipped (a redelivery changes nothing), the units' states are loaded
 * in one query (see {@link #attempt} for why without a lock), every reading runs through {@link dev.frostline.alert.excursion.TrackingExcursion}
 * in offset order, and the new states, timers, alerts, notification requests, outbox events and
 * the new positions commit together. Exactly once in effect, even when two instances briefly
 * hold the same partition during a rebalance (the position lock makes the second one wait and
 * then skip).
 */
@ApplicationScoped
public class EvaluatingReadings {

    /** A record of the readings topic with where it was read from. */
    public record PositionedReading(int partition, long offset, ReadingRecorded reading) {
    }

    private final EngineCommits commits;
    private final EngineStore store;
    private final RulePrecedence precedence;
    private final ObjectWriter events;
    private final Clock clock;
    private final EvaluationMeters meters;

    public EvaluatingReadings(EngineCommits commits, EngineStore store, RulePrecedence precedence, ObjectMapper mapper,
            Clock clock, EvaluationMeters meters) {
        this.meters = meters;
        this.commits = commits;
        this.store = store;
        this.precedence = precedence;
        this.events = mapper.writerFor(AlertEvent.class);
        this.clock = clock;
    }

    public Uni<Void> evaluate(String topic, List<PositionedReading> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<Integer> partitions = new HashSet<>();
        batch.forEach(r -> partitions.add(r.partition()));
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return attempt(topic, batch, partitions, false)
                    .onFailure(StaleStates.class).recoverWithUni(stale -> {
                        meters.staleRetry();
                        Log.debugf("readings batch of %d retried with its states locked: %s", batch.size(),
                                stale.getMessage());
                        return attempt(topic, batch, partitions, true);
                    })
                    .invoke(() -> meters.committed(batch, started));
        });
    }

    /**
     * One transaction over the batch. Its states are read without a lock first: the position lock already
     * keeps every other reading batch of these partitions out, so only a timer, a rule change or a manual
     * resolve of the same units can interleave, which is rare; locking 20,000 rows per batch just in case
     * was about a quarter of PostgreSQL's time per batch. When one did interleave, the attempt
     * fails with {@link StaleStates}, rolls back, and runs again with the states locked.
     */
    private Uni<Void> attempt(String topic, List<PositionedReading> batch, Set<Integer> partitions, boolean lockStates) {
        return commits.inTransaction((connection, flush) -> store.lockPositions(connection, topic, partitions)
                .chain(positions -> evaluateNew(connection, flush, topic, batch, positions, lockStates)));
    }

    private Uni<Void> evaluateNew(SqlConnection connection, EngineCommits.Flush flush, String topic,
            List<PositionedReading> batch, Map<Integer, Long> positions, boolean lockStates) {
        List<ReadingRecorded> fresh = new ArrayList<>(batch.size());
        Map<Integer, Long> next = new HashMap<>();
        for (PositionedReading record : batch) {
            if (record.offset() < positions.getOrDefault(record.partition(), 0L)) {
                continue;
            }
            next.merge(record.partition(), record.offset() + 1, Math::max);
            if (record.reading() != null) {
                fresh.add(record.reading());
            }
        }
        if (next.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> unitIds = new LinkedHashSet<>();
        fresh.forEach(r -> unitIds.add(r.unitId()));
        return store.units(connection, unitIds).chain(units -> {
            Map<UUID, UnitInfo> placed = placements(fresh, units);
            Set<UUID> orgs = new HashSet<>();
            placed.values().forEach(u -> orgs.add(u.placement().orgId()));
            return store.rulesOfOrgs(connection, orgs)
                    .chain(rules -> (lockStates ? store.lockStates(connection, placed.keySet())
                                    : store.readStates(connection, placed.keySet()))
                            .chain(states -> store.alerts(connection, openAlerts(states), "")
                                    .map(alerts -> {
                                        EngineTransaction tx = new EngineTransaction(states, alerts, placed, events,
                                                clock.instant());
                                        if (!lockStates) {
                                            tx.changes.writeStatesIfUnchanged();
                                        }
                                        run(tx, fresh, placed, rules);
                                        return tx;
                                    })))
                    .chain(tx -> flush.flush(tx.changes));
        }).chain(() -> store.savePositions(connection, topic, next));
    }

    private void run(EngineTransaction tx, List<ReadingRecorded> readings, Map<UUID, UnitInfo> units,
            Map<UUID, List<StoredRule>> rules) {
        Map<UUID, Map<RuleKey, StoredRule>> effective = new HashMap<>();
        Map<UUID, RulePrecedence.OrgRules> indexed = new HashMap<>();
        for (ReadingRecorded reading : readings) {
            UnitInfo unit = units.get(reading.unitId());
            Optional<Metric> metric = Metric.fromWireName(reading.metric());
            if (unit == null || metric.isEmpty()) {
                continue;
            }
            Map<RuleKey, StoredRule> inForce = effective.computeIfAbsent(unit.placement().unitId(),
                    id -> precedence.effective(unit.placement(), indexed.computeIfAbsent(unit.placement().orgId(),
                            org -> RulePrecedence.index(rules.getOrDefault(org, List.of())))));
            ExcursionInput input = new ExcursionInput.ReadingObserved(reading.value(), reading.recordedAt());
            for (Map.Entry<RuleKey, StoredRule> entry : inForce.entrySet()) {
                RuleKey key = entry.getKey();
                if (key.kind() == RuleKind.OFFLINE || key.metric() == metric.get()) {
                    tx.apply(unit, entry.getValue(), input, reading.eventId());
                }
            }
        }
    }

    /**
     * Where each reading's unit sits. The projection is the authority; a reading whose unit the
     * projection places in another org, or has deleted, is not evaluated. A unit the projection
     * does not know yet (its state is still on its way) is placed by the reading itself: its org
     * and site rules apply, area and unit-type rules once the projection has it.
     */
    private static Map<UUID, UnitInfo> placements(List<ReadingRecorded> readings, Map<UUID, UnitInfo> units) {
        Map<UUID, UnitInfo> placed = new LinkedHashMap<>();
        for (ReadingRecorded reading : readings) {
            UnitInfo known = units.get(reading.unitId());
            if (known == null) {
                placed.putIfAbsent(reading.unitId(), new UnitInfo(new UnitPlacement(reading.orgId(), reading.siteId(),
                        null, reading.unitId(), null), null, null, false));
            } else if (!known.deleted() && known.placement().orgId().equals(reading.orgId())) {
                placed.put(reading.unitId(), known);
            }
        }
        return placed;
    }

    static Set<UUID> openAlerts(Map<PairKey, StoredState> states) {
        Set<UUID> ids = new HashSet<>();
        for (StoredState state : states.values()) {
            if (state.alertId() != null) {
                ids.add(state.alertId());
            }
        }
        return ids;
    }
}
