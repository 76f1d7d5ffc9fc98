package dev.frostline.alert.excursion;

import dev.frostline.alert.excursion.ExcursionEffect.AlarmOpened;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmRestored;
import dev.frostline.alert.excursion.ExcursionEffect.PeakUpdated;
import dev.frostline.alert.excursion.ExcursionEffect.StateChanged;
import dev.frostline.alert.excursion.ExcursionEffect.TimerCancelled;
import dev.frostline.alert.excursion.ExcursionEffect.TimerScheduled;
import dev.frostline.alert.excursion.ExcursionInput.MonitoringStarted;
import dev.frostline.alert.excursion.ExcursionInput.ReadingObserved;
import dev.frostline.alert.excursion.ExcursionInput.ResolvedByHand;
import dev.frostline.alert.excursion.ExcursionInput.RuleChanged;
import dev.frostline.alert.excursion.ExcursionInput.TimerFired;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.OfflineCondition;
import dev.frostline.alert.rule.ValueCondition;
import dev.frostline.alert.threshold.Bounds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The excursion state machine of one unit against one rule, as a pure function:
 * {@code (state, rule, input) → (new state, effects)}. No clock, no I/O: time comes only from the
 * inputs, so the same inputs always give the same transitions.
 *
 * <h2>Out of range, back in range</h2>
 * For thresholds and low battery a reading is <em>out</em> when it lies outside the rule's bounds
 * (a value exactly on a bound is inside), and <em>back</em> when it lies inside the bounds narrowed
 * by the deadband ({@code <= max - deadband}, {@code >= min + deadband}). In between it is neither:
 * it ends an excursion that has not alarmed yet (the value did not stay out for the duration), but
 * it does not restore an alarm, and it interrupts a restore. That band is what stops a value
 * oscillating around the threshold from opening alarm after alarm. For offline, the unit is out
 * once {@code silence} has passed since the last reading, and any reading brings it back.
 *
 * <h2>Timers</h2>
 * An excursion schedules a timer at its start plus the excursion duration, so it alarms even if no
 * further reading arrives; a restore schedules one at its start plus the minimum restore duration;
 * an offline rule keeps a deadline at last-seen plus silence. A (unit, rule) has at most one
 * pending timer. Each carries a generation; firing any other generation than the pending one is
 * stale and does nothing. A reading at time {@code t} first lets time pass to {@code t}: whatever a
 * timer would have done by then happens first, dated when it was due, so the timeline never
 * depends on whether the timer or the reading was processed first. The offline deadline is moved
 * lazily: readings only update last-seen, and a deadline that fires early reschedules itself, so a
 * steady stream of readings costs no timer writes.
 *
 * <h2>Peak</h2>
 * From the first reading out of range, the state keeps the one furthest outside the bounds (the
 * highest above max, the lowest below min); {@link ExcursionEffect.AlarmOpened} carries it and
 * {@link ExcursionEffect.PeakUpdated} reports each new one while the alarm is open.
 *
 * <h2>Out-of-order readings</h2>
 * A reading recorded at or before the state's {@link ExcursionState#clock() clock} (the newest
 * reading, fired timer due time, rule change or manual resolve already evaluated for this unit and
 * rule) is late: it returns the state unchanged with no effects. Evaluation only moves forward in
 * time, so a redelivered reading is a no-op too. Non-finite values are ignored likewise.
 *
 * <h2>One state per unit and rule key</h2>
 * The state belongs to a unit and a {@link dev.frostline.alert.rule.RuleKey} (kind and metric),
 * not to a rule ID: when precedence hands the key to another rule (a site rule now overrides the
 * default), pass the new rule with {@link ExcursionInput.RuleChanged} and the state carries on.
 * That is what keeps at most one open alarm per unit and rule kind.
 */
public final class TrackingExcursion {

    private TrackingExcursion() {
    }

    public static Transition apply(ExcursionState state, AlertRule rule, ExcursionInput input) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(input, "input");
        if (input instanceof ReadingObserved reading) {
            return observe(state, rule, reading);
        }
        if (input instanceof TimerFired fired) {
            return fire(state, rule, fired);
        }
        if (input instanceof RuleChanged changed) {
            return changeRule(state, rule, changed);
        }
        if (input instanceof ResolvedByHand resolved) {
            return resolveByHand(state, rule, resolved);
        }
        return startMonitoring(state, rule, (MonitoringStarted) input);
    }

    private static Transition observe(ExcursionState state, AlertRule rule, ReadingObserved reading) {
        boolean valueMatters = rule.condition() instanceof ValueCondition;
        if ((valueMatters && !Double.isFinite(reading.value()))
                || (state.clock() != null && !reading.recordedAt().isAfter(state.clock()))) {
            return Transition.unchanged(state);
        }
        Run run = new Run(state, rule);
        run.elapseTo(reading.recordedAt());
        run.observe(reading.value(), reading.recordedAt());
        run.reconcileTimer();
        return run.result();
    }

    private static Transition fire(ExcursionState state, AlertRule rule, TimerFired fired) {
        ExcursionTimer pending = state.timer();
        if (pending == null || pending.generation() != fired.generation() || fired.at().isBefore(pending.due())) {
            return Transition.unchanged(state);
        }
        Run run = new Run(state, rule);
        // The adapter consumed this timer by firing it; it is not "cancelled".
        run.timer = null;
        run.originalTimer = null;
        run.elapseTo(pending.due());
        run.reconcileTimer();
        return run.result();
    }

    private static Transition changeRule(ExcursionState state, AlertRule rule, RuleChanged changed) {
        Instant at = state.clock() == null || changed.at().isAfter(state.clock()) ? changed.at() : state.clock();
        Run run = new Run(state, rule);
        run.notBefore = at;
        run.elapseTo(at);
        if (run.value != null && state.lastValue() != null) {
            run.observe(state.lastValue(), at);
        }
        run.reconcileTimer();
        return run.result();
    }

    private static Transition resolveByHand(ExcursionState state, AlertRule rule, ResolvedByHand resolved) {
        if (!state.phase().alarmOpen()) {
            return Transition.unchanged(state);
        }
        Instant at = state.clock() == null || resolved.at().isAfter(state.clock()) ? resolved.at() : state.clock();
        Run run = new Run(state, rule);
        // A restore already due by then happened on its own; the adapter treats that alert as resolved once.
        run.elapseTo(at);
        if (run.phase.alarmOpen()) {
            run.startOver(at);
        }
        run.reconcileTimer();
        return run.result();
    }

    private static Transition startMonitoring(ExcursionState state, AlertRule rule, MonitoringStarted started) {
        if (!(rule.condition() instanceof OfflineCondition) || state.lastSeen() != null) {
            return Transition.unchanged(state);
        }
        Run run = new Run(state, rule);
        run.lastSeen = started.at();
        run.reconcileTimer();
        return run.result();
    }

    /** One application of the machine: the state being built and the effects so far. */
    private static final class Run {
        private final AlertRule rule;
        private final OfflineCondition offline;
        private final ValueCondition value;
        private final List<ExcursionEffect> effects = new ArrayList<>();

        private Phase phase;
        private Instant phaseSince;
        private Instant excursionStart;
        private Double peak;
        private Instant clock;
        private Double lastValue;
        private Instant lastSeen;
        /** Timed transitions are dated no earlier than this (the rule change), or as due if null. */
        private Instant notBefore;
        private ExcursionTimer timer;
        private ExcursionTimer originalTimer;
        private long timersScheduled;

        Run(ExcursionState state, AlertRule rule) {
            this.rule = rule;
            this.offline = rule.condition() instanceof OfflineCondition o ? o : null;
            this.value = rule.condition() instanceof ValueCondition v ? v : null;
            phase = state.phase();
            phaseSince = state.phaseSince();
            excursionStart = state.excursionStart();
            peak = state.peak();
            clock = state.clock();
            lastValue = state.lastValue();
            lastSeen = state.lastSeen();
            timer = state.timer();
            originalTimer = state.timer();
            timersScheduled = state.timersScheduled();
        }

        Transition result() {
            List<ExcursionEffect> all = new ArrayList<>(effects);
            // Only the net change of the pending timer reaches the adapter: timers set and consumed
            // within this one input never need a row.
            if (!Objects.equals(originalTimer, timer)) {
                if (originalTimer != null) {
                    all.add(new TimerCancelled(originalTimer));
                }
                if (timer != null) {
                    all.add(new TimerScheduled(timer));
                }
            }
            return new Transition(new ExcursionState(phase, phaseSince, excursionStart, peak, clock, lastValue,
                    lastSeen, timer, timersScheduled), all);
        }

        /**
         * Time reaches {@code t}: whatever fell due by then happens, each dated when it was due.
         * Readings call this too, so the outcome never depends on whether a timer fired before a
         * later reading was processed; timers only wake up a pair no reading comes for.
         */
        void elapseTo(Instant t) {
            while (elapseOnce(t)) {
                // At most four steps: restoring → ok → excursion → alarm_active has no timed exit.
            }
            if (clock == null || t.isAfter(clock)) {
                clock = t;
            }
        }

        private boolean elapseOnce(Instant t) {
            switch (phase) {
                case OK -> {
                    if (offline != null && lastSeen != null && !offlineAt().isAfter(t)) {
                        goOut(dated(offlineAt()), null);
                        return true;
                    }
                }
                case EXCURSION -> {
                    if (!alarmDue().isAfter(t)) {
                        openAlarm(dated(alarmDue()));
                        return true;
                    }
                }
                case ALARM_ACTIVE -> {
                }
                case RESTORING -> {
                    if (offline != null && !offlineAt().isAfter(t) && offlineAt().isBefore(restoreDue())) {
                        changePhase(Phase.ALARM_ACTIVE, dated(offlineAt()));
                        return true;
                    }
                    if (!restoreDue().isAfter(t)) {
                        restore(dated(restoreDue()));
                        return true;
                    }
                }
            }
            return false;
        }

        private Instant dated(Instant due) {
            return notBefore != null && notBefore.isAfter(due) ? notBefore : due;
        }

        void observe(double reading, Instant at) {
            if (offline != null) {
                // Never earlier than the start of monitoring: a reading from before then shortens no silence.
                lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
                switch (phase) {
                    case EXCURSION -> endExcursion(at);
                    case ALARM_ACTIVE -> beginRestore(at);
                    case OK, RESTORING -> {
                    }
                }
                return;
            }
            lastValue = reading;
            Bounds bounds = value.bounds();
            boolean out = !bounds.contains(reading);
            boolean back = value.isBackInRange(reading, rule.hysteresis().deadband());
            switch (phase) {
                case OK -> {
                    if (out) {
                        goOut(at, reading);
                    }
                }
                case EXCURSION -> {
                    if (out) {
                        trackPeak(reading);
                    } else {
                        endExcursion(at);
                    }
                }
                case ALARM_ACTIVE -> {
                    if (out) {
                        raisePeak(reading, at);
                    } else if (back) {
                        beginRestore(at);
                    }
                }
                case RESTORING -> {
                    if (!back) {
                        changePhase(Phase.ALARM_ACTIVE, at);
                        if (out) {
                            raisePeak(reading, at);
                        }
                    }
                }
            }
        }

        /** Back to ok without an automatic restore, then judge the latest value afresh. */
        void startOver(Instant at) {
            changePhase(Phase.OK, at);
            excursionStart = null;
            peak = null;
            if (offline != null) {
                lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
            } else if (lastValue != null) {
                observe(lastValue, at);
            }
        }

        private void goOut(Instant at, Double reading) {
            changePhase(Phase.EXCURSION, at);
            excursionStart = at;
            peak = reading;
            if (rule.excursionDuration().isZero()) {
                openAlarm(at);
            }
        }

        private void endExcursion(Instant at) {
            changePhase(Phase.OK, at);
            excursionStart = null;
            peak = null;
        }

        private void openAlarm(Instant at) {
            changePhase(Phase.ALARM_ACTIVE, at);
            effects.add(new AlarmOpened(excursionStart, at, peakValue()));
        }

        private void beginRestore(Instant at) {
            changePhase(Phase.RESTORING, at);
            if (rule.hysteresis().minimumRestore().isZero()) {
                restore(at);
            }
        }

        private void restore(Instant at) {
            Instant since = excursionStart;
            OptionalDouble restoredPeak = peakValue();
            changePhase(Phase.OK, at);
            excursionStart = null;
            peak = null;
            effects.add(new AlarmRestored(since, at, restoredPeak));
        }

        private void trackPeak(double reading) {
            Bounds bounds = value.bounds();
            if (peak == null || bounds.distanceOutside(reading) > bounds.distanceOutside(peak)) {
                peak = reading;
            }
        }

        private void raisePeak(double reading, Instant at) {
            Double before = peak;
            trackPeak(reading);
            if (!Objects.equals(before, peak)) {
                effects.add(new PeakUpdated(peak, at));
            }
        }

        private void changePhase(Phase to, Instant at) {
            effects.add(new StateChanged(phase, to, at));
            phase = to;
            phaseSince = at;
        }

        private OptionalDouble peakValue() {
            return peak == null ? OptionalDouble.empty() : OptionalDouble.of(peak);
        }

        private Instant alarmDue() {
            return excursionStart.plus(rule.excursionDuration());
        }

        private Instant restoreDue() {
            return phaseSince.plus(rule.hysteresis().minimumRestore());
        }

        private Instant offlineAt() {
            return lastSeen.plus(offline.silence());
        }

        /** Makes the pending timer match what the state is waiting for next. */
        void reconcileTimer() {
            Instant due = null;
            TimerPurpose purpose = null;
            switch (phase) {
                case OK -> {
                    if (offline != null && lastSeen != null) {
                        due = offlineAt();
                        purpose = TimerPurpose.OFFLINE_DEADLINE;
                    }
                }
                case EXCURSION -> {
                    due = alarmDue();
                    purpose = TimerPurpose.ALARM_DUE;
                }
                case ALARM_ACTIVE -> {
                }
                case RESTORING -> {
                    due = restoreDue();
                    purpose = TimerPurpose.RESTORE_DUE;
                    if (offline != null && offlineAt().isBefore(due)) {
                        due = offlineAt();
                        purpose = TimerPurpose.OFFLINE_DEADLINE;
                    }
                }
            }
            if (due == null) {
                timer = null;
                return;
            }
            boolean keep = timer != null && (timer.due().equals(due) && timer.purpose() == purpose
                    // Lazy offline deadline: an earlier timer fires, finds nothing due and reschedules.
                    || purpose == TimerPurpose.OFFLINE_DEADLINE && timer.purpose() == purpose
                            && timer.due().isBefore(due) && (clock == null || timer.due().isAfter(clock)));
            if (!keep) {
                timersScheduled++;
                timer = new ExcursionTimer(timersScheduled, due, purpose);
            }
        }
    }
}
