package dev.frostline.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.frostline.alert.excursion.ExcursionInput;
import dev.frostline.alert.repository.EngineStore;
import dev.frostline.alert.repository.RuleRows;
import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.repository.StoredState;
import dev.frostline.alert.repository.UnitInfo;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Rules CRUD (manager and above) and the effective rules of a unit. Every change applies to running
 * state in its own transaction: each state of the org's units whose rule in force is no longer the
 * one (or the edit) it was evaluated against gets {@link ExcursionInput.RuleChanged} with the new
 * rule, so its latest reading is judged again and its timer follows the new durations; a state whose
 * key no rule covers any more is dropped and its open alert closed.
 */
@ApplicationScoped
public class ManagingRules {

    public static final ProblemType PRECONDITION_FAILED =
            new ProblemType("precondition-failed", "The rule has changed since you read it", 412);

    private static final String INSERT = "insert into alert_rules (" + RuleRows.COLUMNS + ") values ($1, $2, $3, $4,"
            + " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";
    private static final String UPDATE = "update alert_rules set (" + RuleRows.COLUMNS + ") = ($1, $2, $3, $4,"
            + " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) where id = $1 and org_id = $2";
    private static final String BY_ID = "select " + RuleRows.COLUMNS
            + " from alert_rules where id = $1 and org_id = $2 for update";

    private final Pool pool;
    private final EngineStore store;
    private final RulePrecedence precedence;
    private final ObjectWriter events;
    private final EngineCommits commits;
    private final Clock clock;

    public ManagingRules(Pool pool, EngineStore store, RulePrecedence precedence, ObjectMapper mapper,
            EngineCommits commits, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.precedence = precedence;
        this.events = mapper.writerFor(AlertEvent.class);
        this.commits = commits;
        this.clock = clock;
    }

    public Uni<List<StoredRule>> list(Caller caller) {
        caller.require(Role.VIEWER);
        return pool.withConnection(c -> store.rulesOfOrgs(c, Set.of(caller.orgId())))
                .map(rules -> rules.getOrDefault(caller.orgId(), List.of()).stream()
                        .sorted(java.util.Comparator.comparing((StoredRule r) -> r.createdAt()).thenComparing(r -> r.rule().id()))
                        .toList());
    }

    public Uni<StoredRule> get(Caller caller, UUID id) {
        caller.require(Role.VIEWER);
        return pool.withConnection(c -> find(c, caller.orgId(), id, ""));
    }

    /** @param build the rule from its new ID and the caller's org (validation happens there) */
    public Uni<StoredRule> create(Caller caller, Function<UUID, AlertRule> build) {
        caller.require(Role.MANAGER);
        AlertRule rule = build.apply(UUID.randomUUID());
        Instant now = clock.instant();
        return inTransaction((c, flush) -> requireScope(c, caller, rule.scope())
                .chain(() -> c.preparedQuery(INSERT).execute(RuleRows.tuple(caller.orgId(), rule, 1, now, now)))
                .onFailure(ManagingRules::duplicate).transform(e -> sameScope(rule))
                .chain(() -> reapply(c, flush, caller.orgId(), now, List.of(rule.scope())))
                .replaceWith(new StoredRule(rule, 1, now, now)));
    }

    /** Replaces the rule; {@code ifMatch} is the version the caller read, or null to replace regardless. */
    public Uni<StoredRule> replace(Caller caller, UUID id, Long ifMatch, Function<UUID, AlertRule> build) {
        caller.require(Role.MANAGER);
        AlertRule rule = build.apply(id);
        Instant now = clock.instant();
        return inTransaction((c, flush) -> find(c, caller.orgId(), id, "for update").chain(current -> {
            checkVersion(current, ifMatch);
            StoredRule replaced = new StoredRule(rule, current.version() + 1, current.createdAt(), now);
            return requireScope(c, caller, rule.scope())
                    .chain(() -> c.preparedQuery(UPDATE).execute(RuleRows.tuple(caller.orgId(), rule,
                            replaced.version(), current.createdAt(), now)))
                    .onFailure(ManagingRules::duplicate).transform(e -> sameScope(rule))
                    .chain(() -> reapply(c, flush, caller.orgId(), now, List.of(current.rule().scope(), rule.scope())))
                    .replaceWith(replaced);
        }));
    }

    public Uni<Void> delete(Caller caller, UUID id, Long ifMatch) {
        caller.require(Role.MANAGER);
        Instant now = clock.instant();
        return inTransaction((c, flush) -> find(c, caller.orgId(), id, "for update").chain(current -> {
            checkVersion(current, ifMatch);
            return c.preparedQuery("delete from alert_rules where id = $1 and org_id = $2")
                    .execute(Tuple.of(id, caller.orgId()))
                    .chain(() -> reapply(c, flush, caller.orgId(), now, List.of(current.rule().scope())));
        }));
    }

    /**
     * Creates or replaces the unit's threshold rule for one metric (the walking skeleton's route):
     * it alarms at once and has no deadband, like the thresholds it replaces.
     */
    public Uni<StoredRule> setUnitThreshold(Caller caller, UUID unitId, Function<UUID, AlertRule> build) {
        caller.require(Role.MANAGER);
        AlertRule probe = build.apply(UUID.randomUUID());
        return pool.withConnection(c -> c.preparedQuery("select id, version from alert_rules where org_id = $1"
                        + " and scope_level = 'unit' and scope_id = $2 and kind = 'threshold' and metric = $3")
                .execute(Tuple.of(caller.orgId(), unitId, probe.key().metric().wireName())))
                .chain(rows -> rows.size() == 0 ? create(caller, build)
                        : replace(caller, rows.iterator().next().getUUID("id"), null, build));
    }

    /** The rules in force for a live unit of the caller's org, one per key, each with where it came from. */
    public Uni<List<StoredRule>> effective(Caller caller, UUID unitId) {
        caller.require(Role.VIEWER);
        return pool.withConnection(c -> store.units(c, Set.of(unitId)).chain(units -> {
            UnitInfo unit = units.get(unitId);
            if (unit == null || unit.deleted() || !unit.placement().orgId().equals(caller.orgId())) {
                return Uni.createFrom().failure(ProblemException.notFound("Unit", unitId));
            }
            return store.rulesOfOrgs(c, Set.of(caller.orgId())).map(rules -> List.copyOf(precedence
                    .effective(unit.placement(), rules.getOrDefault(caller.orgId(), List.of())).values()));
        }));
    }

    /**
     * Runs {@link ExcursionInput.RuleChanged} on every state a rule change affects: those of the units
     * the changed rule reaches (before and after the change), the only units whose rules in force can
     * differ. A unit rule locks its one unit's states, not every state of the org.
     */
    private Uni<Void> reapply(SqlConnection c, EngineCommits.Flush flush, UUID orgId, Instant now,
            List<RuleScope> changed) {
        return store.liveUnitsOfOrg(c, orgId).map(all -> reachedBy(all, changed))
                .chain(units -> store.rulesOfOrgs(c, Set.of(orgId))
                .chain(rules -> store.lockStates(c, units.keySet())
                        .chain(states -> store.alerts(c, EvaluatingReadings.openAlerts(states), "for update")
                                .chain(alerts -> {
                                    EngineTransaction tx = new EngineTransaction(states, alerts, units, events, now);
                                    RulePrecedence.OrgRules orgRules = RulePrecedence.index(rules.getOrDefault(orgId, List.of()));
                                    // A unit has a state per key: resolve each unit once, not once per state.
                                    Map<UUID, Map<RuleKey, StoredRule>> inForceByUnit = new HashMap<>();
                                    for (StoredState state : new ArrayList<>(states.values())) {
                                        UnitInfo unit = units.get(state.pair().unitId());
                                        if (unit == null) {
                                            continue;
                                        }
                                        Map<RuleKey, StoredRule> inForce = inForceByUnit.computeIfAbsent(unit.placement().unitId(),
                                                id -> precedence.effective(unit.placement(), orgRules));
                                        StoredRule rule = inForce.get(state.pair().key());
                                        if (rule == null) {
                                            tx.drop(state.pair(), unit);
                                        } else if (!rule.rule().id().equals(state.ruleId())
                                                || rule.version() != state.ruleVersion()) {
                                            tx.apply(unit, rule, new ExcursionInput.RuleChanged(now), null);
                                        }
                                    }
                                    return flush.flush(tx.changes);
                                }))));
    }

    private static Map<UUID, UnitInfo> reachedBy(Map<UUID, UnitInfo> units, List<RuleScope> scopes) {
        Map<UUID, UnitInfo> reached = new LinkedHashMap<>();
        for (UnitInfo unit : units.values()) {
            if (scopes.stream().anyMatch(scope -> scope.appliesTo(unit.placement()))) {
                reached.put(unit.placement().unitId(), unit);
            }
        }
        return reached;
    }

    private Uni<StoredRule> find(SqlConnection c, UUID orgId, UUID id, String lock) {
        return c.preparedQuery(BY_ID.replace(" for update", " " + lock)).execute(Tuple.of(id, orgId)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Rule", id);
            }
            Row row = rows.iterator().next();
            return RuleRows.read(row);
        });
    }

    /** A unit rule must name a live unit of the caller's org (404 otherwise, whoever owns it). */
    private Uni<Void> requireScope(SqlConnection c, Caller caller, RuleScope scope) {
        if (!(scope instanceof RuleScope.Unit unitScope)) {
            // Site and area rules name their org too, so they can never reach another org's units.
            return Uni.createFrom().voidItem();
        }
        return store.units(c, Set.of(unitScope.unitId())).map(units -> {
            UnitInfo unit = units.get(unitScope.unitId());
            if (unit == null || unit.deleted() || !unit.placement().orgId().equals(caller.orgId())) {
                throw ProblemException.notFound("Unit", unitScope.unitId());
            }
            return null;
        });
    }

    private static void checkVersion(StoredRule current, Long ifMatch) {
        if (ifMatch != null && ifMatch != current.version()) {
            throw new ProblemException(PRECONDITION_FAILED, "The rule is at version " + current.version()
                    + ", not " + ifMatch + "; read it again and retry.");
        }
    }

    private static boolean duplicate(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private static ProblemException sameScope(AlertRule rule) {
        return ProblemException.conflict("This scope already has a " + rule.key() + " rule; edit that one instead.");
    }

    private <T> Uni<T> inTransaction(BiFunction<SqlConnection, EngineCommits.Flush, Uni<T>> work) {
        return commits.inTransaction(work);
    }
}
