package dev.frostline.alert.excursion;

import dev.frostline.alert.excursion.ExcursionInput.MonitoringStarted;
import dev.frostline.alert.excursion.ExcursionInput.ReadingObserved;
import dev.frostline.alert.excursion.ExcursionInput.TimerFired;
import dev.frostline.alert.rule.AlertRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One (unit, rule) driven through {@link TrackingExcursion} the way an adapter would: state kept, effects collected. */
final class Pair {
    AlertRule rule;
    ExcursionState state = ExcursionState.INITIAL;
    final List<ExcursionEffect> allEffects = new ArrayList<>();

    Pair(AlertRule rule) {
        this.rule = rule;
    }

    List<ExcursionEffect> feed(ExcursionInput input) {
        Transition transition = TrackingExcursion.apply(state, rule, input);
        state = transition.state();
        allEffects.addAll(transition.effects());
        return transition.effects();
    }

    List<ExcursionEffect> reading(double value, Instant at) {
        return feed(new ReadingObserved(value, at));
    }

    /** Fires the pending timer at its due time. */
    List<ExcursionEffect> fireTimer() {
        ExcursionTimer timer = state.timer();
        if (timer == null) {
            throw new AssertionError("no timer pending in " + state);
        }
        return feed(new TimerFired(timer.generation(), timer.due()));
    }

    /** Fires the pending timer, if there is one, at its due time. */
    List<ExcursionEffect> fireTimerIfAny() {
        return state.timer() == null ? List.of() : fireTimer();
    }

    /** Replaces the rule, as an edit would, and tells the machine. */
    List<ExcursionEffect> changeRule(AlertRule changed, Instant at) {
        rule = changed;
        return feed(new ExcursionInput.RuleChanged(at));
    }

    List<ExcursionEffect> startMonitoring(Instant at) {
        return feed(new MonitoringStarted(at));
    }

    <T extends ExcursionEffect> List<T> all(Class<T> type) {
        return allEffects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
