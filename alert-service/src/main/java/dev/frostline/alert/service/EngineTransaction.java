package dev.frostline.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.frostline.alert.alert.AlertIds;
import dev.frostline.alert.alert.AlertState;
import dev.frostline.alert.escalation.EscalatingAlert;
import dev.frostline.alert.escalation.Notification;
import dev.frostline.alert.escalation.NotificationsDue;
import dev.frostline.alert.excursion.ExcursionEffect;
import dev.frostline.alert.excursion.ExcursionInput;
import dev.frostline.alert.excursion.ExcursionState;
import dev.frostline.alert.excursion.Phase;
import dev.frostline.alert.excursion.TrackingExcursion;
import dev.frostline.alert.excursion.Transition;
import dev.frostline.alert.repository.AlertRow;
import dev.frostline.alert.repository.ChangeSet;
import dev.frostline.alert.repository.PairKey;
import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.repository.StoredState;
import dev.frostline.alert.repository.UnitInfo;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.ValueCondition;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.AlertAcknowledged;
import dev.frostline.contracts.events.AlertEscalated;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.AlertPeakUpdated;
import dev.frostline.contracts.events.AlertResolved;
import dev.frostline.contracts.events.ExcursionStateChanged;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-memory side of one engine transaction: runs {@link TrackingExcursion} and
 * {@link EscalatingAlert} on the states and alerts the transaction has loaded (and locked), and
 * turns every effect into rows of one {@link ChangeSet}: state, timers, alert and its timeline,
 * notification requests and outbox events. Nothing here touches the database; the caller flushes
 * the change set in the same transaction as the record of what it processed.
 */
final class EngineTransaction {

    private final Map<PairKey, StoredState> states;
    private final Map<UUID, AlertRow> alerts;
    private final Map<UUID, UnitInfo> units;
    private final ObjectWriter events;
    private final Instant now;
    private final OffsetDateTime nowUtc;
    final ChangeSet changes = new ChangeSet();

    EngineTransaction(Map<PairKey, StoredState> states, Map<UUID, AlertRow> alerts, Map<UUID, UnitInfo> units,
            ObjectWriter events, Instant now) {
        this.states = new HashMap<>(states);
        this.alerts = new HashMap<>(alerts);
        this.units = units;
        this.events = events;
        this.now = now;
        this.nowUtc = now.atOffset(ZoneOffset.UTC);
    }

    StoredState state(PairKey pair) {
        return states.get(pair);
    }

    AlertRow alert(UUID id) {
        return alerts.get(id);
    }

    /**
     * One input for one unit and rule; the state is the latest this transaction knows.
     *
     * @param readingId the reading's event ID when the input is a reading, else null
     */
    void apply(UnitInfo unit, StoredRule rule, ExcursionInput input, UUID readingId) {
        RuleKey key = rule.rule().key();
        PairKey pair = new PairKey(unit.placement().unitId(), key);
        StoredState stored = states.get(pair);
        ExcursionState before = stored == null ? ExcursionState.INITIAL : stored.state();
        Transition transition = TrackingExcursion.apply(before, rule.rule(), input);
        UUID alertId = stored == null ? null : stored.alertId();
        UUID previousAlert = alertId;
        Instant readingAt = input instanceof ExcursionInput.ReadingObserved r ? r.recordedAt() : null;
        Double readingValue = input instanceof ExcursionInput.ReadingObserved r ? r.value() : null;
        for (ExcursionEffect effect : transition.effects()) {
            if (effect instanceof ExcursionEffect.StateChanged changed) {
                UUID belongsTo = changed.to() == Phase.ALARM_ACTIVE && changed.from() == Phase.EXCURSION
                        ? AlertIds.alertId(pair.unitId(), key, changed.at(), previousAlert) : alertId;
                stateChanged(unit, rule, changed, belongsTo);
            } else if (effect instanceof ExcursionEffect.AlarmOpened opened) {
                UUID trigger = opened.at().equals(readingAt) ? readingId : null;
                alertId = open(unit, rule, opened, trigger, previousAlert).id;
            } else if (effect instanceof ExcursionEffect.PeakUpdated peak) {
                AlertRow alert = alerts.get(alertId);
                if (alert != null && alert.state != AlertState.RESOLVED) {
                    alert.peak = peak.peak();
                    changes.touchAlert(alert);
                    changes.addTimeline(alert.id, peak.at(), "peak", peak.peak(), null, null);
                    publish(new AlertPeakUpdated(AlertIds.alertEventId(alert.id, "peak:" + peak.at() + ":" + peak.peak()),
                            alert.orgId, alert.siteId, alert.unitId, alert.id, metricOf(key), peak.peak(), peak.at()));
                }
            } else if (effect instanceof ExcursionEffect.AlarmRestored restored) {
                AlertRow alert = alerts.get(alertId);
                // After a manual resolve the alert is closed already; the restore is not a second resolution.
                if (alert != null && alert.state != AlertState.RESOLVED) {
                    boolean byReading = restored.at().equals(readingAt);
                    resolve(alert, restored.at(), "auto", null, null, byReading ? readingId : null,
                            byReading ? readingValue : null, unit);
                }
                alertId = null;
            } else if (effect instanceof ExcursionEffect.TimerScheduled scheduled) {
                changes.scheduleTimer(pair, ChangeSet.EXCURSION_LANE, scheduled.timer().generation(),
                        scheduled.timer().due(), unit.placement().orgId(), null);
            } else if (effect instanceof ExcursionEffect.TimerCancelled cancelled) {
                changes.cancelTimer(pair, ChangeSet.EXCURSION_LANE, cancelled.timer().generation());
            }
        }
        if (!transition.state().phase().alarmOpen()) {
            alertId = null;
        }
        StoredState after = new StoredState(pair, unit.placement().orgId(), rule.rule().id(), rule.version(),
                transition.state(), alertId, stored == null ? StoredState.NEW : stored.rowVersion());
        if (!after.equals(stored)) {
            states.put(pair, after);
            changes.putState(after);
        }
    }

    /** The pair no longer has a rule: its timers go, and an alert it had open is closed. */
    void drop(PairKey pair, UnitInfo unit) {
        StoredState stored = states.remove(pair);
        if (stored == null) {
            return;
        }
        changes.deleteState(pair);
        changes.cancelTimer(pair, ChangeSet.EXCURSION_LANE, ChangeSet.ANY_GENERATION);
        AlertRow alert = stored.alertId() == null ? null : alerts.get(stored.alertId());
        if (alert != null && alert.state != AlertState.RESOLVED) {
            resolve(alert, now, "manual", null, "The rule no longer applies to this unit.", null, null, unit);
        }
    }

    private void stateChanged(UnitInfo unit, StoredRule rule, ExcursionEffect.StateChanged changed, UUID alertId) {
        RuleKey key = rule.rule().key();
        UUID unitId = unit.placement().unitId();
        publish(new ExcursionStateChanged(AlertIds.stateChangedEventId(unitId, key, changed.from().wireName(),
                changed.to().wireName(), changed.at()), unit.placement().orgId(), unit.placement().siteId(), unitId,
                rule.rule().id(), key.kind().wireName(), metricOf(key), changed.from().wireName(),
                changed.to().wireName(), alertId, changed.at()));
        AlertRow alert = alertId == null ? null : alerts.get(alertId);
        if (alert != null && alert.state != AlertState.RESOLVED && changed.from() != Phase.EXCURSION
                && changed.to().alarmOpen()) {
            changes.addTimeline(alert.id, changed.at(), changed.to().wireName(), null, null, null);
        }
    }

    private AlertRow open(UnitInfo unit, StoredRule rule, ExcursionEffect.AlarmOpened opened, UUID triggeringReadingId,
            UUID previousAlert) {
        RuleKey key = rule.rule().key();
        AlertRow alert = new AlertRow();
        alert.id = AlertIds.alertId(unit.placement().unitId(), key, opened.at(), previousAlert);
        alert.orgId = unit.placement().orgId();
        alert.siteId = unit.placement().siteId();
        alert.unitId = unit.placement().unitId();
        alert.ruleId = rule.rule().id();
        alert.key = key;
        alert.severity = rule.rule().severity();
        alert.state = AlertState.OPEN;
        alert.since = opened.since();
        alert.openedAt = opened.at();
        alert.triggerValue = opened.peak().isPresent() ? opened.peak().getAsDouble() : null;
        alert.peak = alert.triggerValue;
        if (rule.rule().condition() instanceof ValueCondition value) {
            alert.min = value.bounds().min();
            alert.max = value.bounds().max();
        }
        alert.triggeringReadingId = triggeringReadingId;
        alert.escalation = rule.rule().escalation();
        alert.notifiedUpTo = opened.at();
        alerts.put(alert.id, alert);
        changes.insertAlert(alert);
        changes.addTimeline(alert.id, opened.at(), "opened", alert.triggerValue, null, null);
        publish(new AlertOpened(AlertIds.alertEventId(alert.id, "opened"), alert.orgId, alert.siteId, alert.unitId,
                alert.id, triggeringReadingId, metricOf(key), alert.triggerValue, alert.min, alert.max,
                opened.at(), alert.ruleId, key.kind().wireName(), alert.severity.wireName(), alert.since));
        NotificationsDue due = EscalatingAlert.notificationsDue(alert.escalation, alert.timeline(), null, opened.at());
        notices(alert, due.due(), unit);
        scheduleEscalation(alert, due.nextDeadline());
        return alert;
    }

    /**
     * Whatever escalation notices the alert is due by {@code at} (its timer's due time), written
     * once: {@code notified_up_to} moves to {@code at} with them.
     */
    void escalate(AlertRow alert, Instant at, UnitInfo unit) {
        if (alert.state != AlertState.OPEN || !at.isAfter(alert.notifiedUpTo)) {
            changes.cancelTimer(alert.pair(), ChangeSet.ESCALATION_LANE, ChangeSet.ANY_GENERATION);
            if (alert.state == AlertState.OPEN) {
                scheduleEscalation(alert, EscalatingAlert.notificationsDue(alert.escalation, alert.timeline(),
                        alert.notifiedUpTo, alert.notifiedUpTo).nextDeadline());
            }
            return;
        }
        NotificationsDue due = EscalatingAlert.notificationsDue(alert.escalation, alert.timeline(), alert.notifiedUpTo, at);
        alert.notifiedUpTo = at;
        changes.touchAlert(alert);
        notices(alert, due.due(), unit);
        changes.cancelTimer(alert.pair(), ChangeSet.ESCALATION_LANE, ChangeSet.ANY_GENERATION);
        scheduleEscalation(alert, due.nextDeadline());
    }

    void acknowledge(AlertRow alert, UUID userId, String note, Instant at, UnitInfo unit) {
        alert.state = AlertState.ACKNOWLEDGED;
        alert.acknowledgedAt = at;
        alert.acknowledgedBy = userId;
        alert.acknowledgeNote = note;
        changes.touchAlert(alert);
        changes.addTimeline(alert.id, at, "acknowledged", null, userId, note);
        changes.cancelTimer(alert.pair(), ChangeSet.ESCALATION_LANE, ChangeSet.ANY_GENERATION);
        notice(alert, "acknowledged", 0, alert.audienceSoFar().claimValue(), at, unit);
        publish(new AlertAcknowledged(AlertIds.alertEventId(alert.id, "acknowledged"), alert.orgId, alert.siteId,
                alert.unitId, alert.id, alert.key.kind().wireName(), metricOf(alert.key), userId, note, at));
    }

    /**
     * Closes the alert: automatically (the state machine restored it) or by hand. A manual resolve
     * also moves the pair's state back to ok through {@link ExcursionInput.ResolvedByHand}; the
     * caller does that with {@link #apply}.
     */
    void resolve(AlertRow alert, Instant at, String resolution, UUID userId, String note, UUID readingId,
            Double value, UnitInfo unit) {
        alert.state = AlertState.RESOLVED;
        alert.resolvedAt = at;
        alert.resolution = resolution;
        alert.resolvedBy = userId;
        alert.resolveNote = note;
        changes.touchAlert(alert);
        changes.addTimeline(alert.id, at, "resolved", value, userId, note);
        changes.cancelTimer(alert.pair(), ChangeSet.ESCALATION_LANE, ChangeSet.ANY_GENERATION);
        notice(alert, "resolved", 0, alert.audienceSoFar().claimValue(), at, unit);
        publish(new AlertResolved(AlertIds.alertEventId(alert.id, "resolved"), alert.orgId, alert.siteId,
                alert.unitId, alert.id, readingId, metricOf(alert.key), value, at, alert.key.kind().wireName(),
                resolution, userId, note, alert.peak));
    }

    private void notices(AlertRow alert, List<Notification> due, UnitInfo unit) {
        for (Notification notification : due) {
            if (notification instanceof Notification.FirstNotice) {
                notice(alert, "opened", 0, notification.audience().claimValue(), notification.at(), unit);
                continue;
            }
            String kind;
            long number;
            if (notification instanceof Notification.Reminder reminder) {
                kind = "reminder";
                number = reminder.number();
            } else {
                kind = "escalated";
                number = ((Notification.Escalated) notification).step();
            }
            notice(alert, kind, number, notification.audience().claimValue(), notification.at(), unit);
            changes.addTimeline(alert.id, notification.at(), kind, null, null, notification.audience().claimValue());
            publish(new AlertEscalated(AlertIds.alertEventId(alert.id, kind + ":" + number), alert.orgId,
                    alert.siteId, alert.unitId, alert.id, kind, notification.audience().claimValue(), number,
                    notification.at()));
        }
    }

    private void notice(AlertRow alert, String kind, long number, String audience, Instant at, UnitInfo unit) {
        UnitInfo info = unit != null ? unit : units.get(alert.unitId);
        changes.addNotification(AlertIds.notificationId(alert.id, kind, number), alert, kind, audience,
                AlertNotices.subject(kind, alert, info), AlertNotices.body(kind, audience, at, alert, info), now);
    }

    private void scheduleEscalation(AlertRow alert, Optional<Instant> next) {
        next.ifPresent(due -> changes.scheduleTimer(alert.pair(), ChangeSet.ESCALATION_LANE, 0, due, alert.orgId,
                alert.id));
    }

    private void publish(AlertEvent event) {
        try {
            changes.addOutbox(Topics.ALERTS, event.unitId().toString(), events.writeValueAsString(event), nowUtc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert event not serializable: " + event, e);
        }
    }

    private static String metricOf(RuleKey key) {
        return key.metric() == null ? null : key.metric().wireName();
    }
}
