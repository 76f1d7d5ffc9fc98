package dev.frostline.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.frostline.alert.alert.AlertState;
import dev.frostline.alert.excursion.ExcursionInput;
import dev.frostline.alert.repository.AlertRow;
import dev.frostline.alert.repository.EngineStore;
import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.repository.StoredState;
import dev.frostline.alert.repository.UnitInfo;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What people do with an alert: acknowledge it (staff and above, with a note: reminders and
 * escalation stop) and resolve it by hand (manager and above, with a note: the pair's state goes
 * back to ok through {@link ExcursionInput.ResolvedByHand}). Each in one transaction with its
 * timeline entry, its notification request and its event.
 */
@ApplicationScoped
public class HandlingAlerts {

    private final EngineStore store;
    private final RulePrecedence precedence;
    private final ObjectWriter events;
    private final EngineCommits commits;
    private final Clock clock;

    public HandlingAlerts(EngineStore store, RulePrecedence precedence, ObjectMapper mapper,
            EngineCommits commits, Clock clock) {
        this.store = store;
        this.precedence = precedence;
        this.events = mapper.writerFor(AlertEvent.class);
        this.commits = commits;
        this.clock = clock;
    }

    public Uni<UUID> acknowledge(Caller caller, UUID alertId, String note) {
        caller.require(Role.STAFF);
        requireNote(note);
        Instant now = clock.instant();
        return commits.inTransaction((c, flush) -> lockAlert(c, caller, alertId).chain(alert -> {
            if (alert.state != AlertState.OPEN) {
                throw ProblemException.conflict("Alert " + alertId + " is " + alert.state.wireName()
                        + " already.");
            }
            return store.units(c, Set.of(alert.unitId)).chain(units -> {
                EngineTransaction tx = new EngineTransaction(Map.of(), Map.of(alert.id, alert), units, events, now);
                tx.acknowledge(alert, caller.userId(), note.trim(), now, units.get(alert.unitId));
                return flush.flush(tx.changes);
            });
        })).replaceWith(alertId);
    }

    public Uni<UUID> resolve(Caller caller, UUID alertId, String note) {
        caller.require(Role.MANAGER);
        requireNote(note);
        Instant now = clock.instant();
        // The state row is locked before the alert, in the engine's lock order.
        return commits.inTransaction((c, flush) -> c.preparedQuery("select unit_id from alerts where id = $1 and org_id = $2")
                .execute(Tuple.of(alertId, caller.orgId()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Alert", alertId);
                    }
                    UUID unitId = rows.iterator().next().getUUID("unit_id");
                    return store.lockStates(c, Set.of(unitId)).chain(states -> lockAlert(c, caller, alertId)
                            .chain(alert -> resolveLocked(c, flush, caller, alert, note.trim(), states, now)));
                })).replaceWith(alertId);
    }

    private Uni<Void> resolveLocked(SqlConnection c, EngineCommits.Flush flush, Caller caller, AlertRow alert, String note,
            Map<dev.frostline.alert.repository.PairKey, StoredState> states, Instant now) {
        if (alert.state == AlertState.RESOLVED) {
            throw ProblemException.conflict("Alert " + alert.id + " is resolved already.");
        }
        return store.units(c, Set.of(alert.unitId)).chain(units -> store.rulesOfOrgs(c, Set.of(alert.orgId))
                .chain(rules -> {
                    UnitInfo unit = units.get(alert.unitId);
                    EngineTransaction tx = new EngineTransaction(states, Map.of(alert.id, alert), units, events, now);
                    tx.resolve(alert, now, "manual", caller.userId(), note, null, null, unit);
                    StoredState state = states.get(alert.pair());
                    StoredRule rule = unit == null ? null : precedence.effective(unit.placement(),
                            rules.getOrDefault(alert.orgId, List.of())).get(alert.key);
                    if (state != null && alert.id.equals(state.alertId())) {
                        if (rule != null) {
                            tx.apply(unit, rule, new ExcursionInput.ResolvedByHand(now), null);
                        } else {
                            tx.drop(alert.pair(), unit);
                        }
                    }
                    return flush.flush(tx.changes);
                }));
    }

    private Uni<AlertRow> lockAlert(SqlConnection c, Caller caller, UUID alertId) {
        return store.alerts(c, Set.of(alertId), "for update").map(alerts -> {
            AlertRow alert = alerts.get(alertId);
            if (alert == null || !alert.orgId.equals(caller.orgId())) {
                throw ProblemException.notFound("Alert", alertId);
            }
            return alert;
        });
    }

    private static void requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw ProblemException.validation("Give a note: what was found, or what was done.");
        }
        if (note.length() > 2000) {
            throw ProblemException.validation("The note is at most 2000 characters.");
        }
    }
}
