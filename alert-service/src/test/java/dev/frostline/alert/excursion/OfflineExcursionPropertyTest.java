package dev.frostline.alert.excursion;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmOpened;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmRestored;
import dev.frostline.alert.excursion.ExcursionInput.MonitoringStarted;
import dev.frostline.alert.excursion.ExcursionInput.ReadingObserved;
import dev.frostline.alert.excursion.ExcursionInput.TimerFired;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.OfflineCondition;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random arrival patterns (bursts, gaps longer than the silence, late readings, timer ticks at
 * random moments) through an offline rule, checked against the sequence.
 */
class OfflineExcursionPropertyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    /** The wall clock advances; then a reading arrives {@code lagSeconds} late, or the timer poller runs. */
    record Step(long advanceSeconds, boolean isReading, long lagSeconds) {
    }

    record Scenario(AlertRule rule, List<Step> steps) {
        Duration silence() {
            return ((OfflineCondition) rule.condition()).silence();
        }
    }

    record Applied(ExcursionInput input, Transition transition, boolean late) {
    }

    @Property(tries = 500)
    void atMostOneOfflineAlarmIsOpenAtAnyTime(@ForAll("arrivals") Scenario scenario) {
        int open = 0;
        for (Applied applied : run(scenario)) {
            for (ExcursionEffect effect : applied.transition().effects()) {
                open += effect instanceof AlarmOpened ? 1 : effect instanceof AlarmRestored ? -1 : 0;
                if (open < 0 || open > 1) {
                    throw new AssertionError(open + " alarms open after " + effect);
                }
            }
        }
    }

    @Property(tries = 500)
    void anOfflineAlarmOpensOnlyAfterTheSilenceAndTheExcursionDuration(@ForAll("arrivals") Scenario scenario) {
        List<Applied> history = run(scenario);
        List<Instant> seen = new ArrayList<>(List.of(T0));
        history.stream().filter(a -> !a.late() && a.input() instanceof ReadingObserved)
                .forEach(a -> seen.add(((ReadingObserved) a.input()).recordedAt()));
        for (Applied applied : history) {
            for (ExcursionEffect effect : applied.transition().effects()) {
                if (!(effect instanceof AlarmOpened opened)) {
                    continue;
                }
                Instant lastSeen = opened.since().minus(scenario.silence());
                if (!seen.contains(lastSeen)) {
                    throw new AssertionError(opened + " does not start " + scenario.silence() + " after a reading");
                }
                if (seen.stream().anyMatch(t -> t.isAfter(lastSeen) && t.isBefore(opened.at()))) {
                    throw new AssertionError(opened + " although a reading came during the silence");
                }
                if (Duration.between(opened.since(), opened.at()).compareTo(scenario.rule().excursionDuration()) < 0) {
                    throw new AssertionError(opened + " before the excursion duration");
                }
            }
        }
    }

    @Property(tries = 500)
    void aUnitThatFallsSilentAlwaysEndsUpAlarmed(@ForAll("arrivals") Scenario scenario) {
        List<Applied> history = run(scenario);
        ExcursionState state = history.get(history.size() - 1).transition().state();
        for (int i = 0; i < 10 && state.timer() != null; i++) {
            ExcursionTimer timer = state.timer();
            state = TrackingExcursion.apply(state, scenario.rule(),
                    new TimerFired(timer.generation(), timer.due())).state();
        }
        if (state.phase() != Phase.ALARM_ACTIVE || state.timer() != null) {
            throw new AssertionError("silent for good but ended " + state);
        }
    }

    /** Starts monitoring at T0, then applies the steps like an adapter would; lateness by the documented rule. */
    private static List<Applied> run(Scenario scenario) {
        List<Applied> history = new ArrayList<>();
        ExcursionInput start = new MonitoringStarted(T0);
        Transition started = TrackingExcursion.apply(ExcursionState.INITIAL, scenario.rule(), start);
        history.add(new Applied(start, started, false));
        ExcursionState state = started.state();
        Instant wall = T0;
        Instant watermark = null;
        for (Step step : scenario.steps()) {
            wall = wall.plusSeconds(step.advanceSeconds());
            ExcursionInput input;
            boolean late = false;
            if (step.isReading()) {
                Instant recordedAt = wall.minusSeconds(step.lagSeconds());
                input = new ReadingObserved(0, recordedAt);
                late = watermark != null && !recordedAt.isAfter(watermark);
                if (!late) {
                    watermark = recordedAt;
                }
            } else {
                ExcursionTimer timer = state.timer();
                if (timer == null || timer.due().isAfter(wall)) {
                    continue;
                }
                input = new TimerFired(timer.generation(), wall);
                watermark = watermark == null || timer.due().isAfter(watermark) ? timer.due() : watermark;
            }
            Transition transition = TrackingExcursion.apply(state, scenario.rule(), input);
            history.add(new Applied(input, transition, late));
            state = transition.state();
        }
        return history;
    }

    @Provide
    Arbitrary<Scenario> arrivals() {
        Arbitrary<AlertRule> rules = Combinators.combine(
                Arbitraries.of(5, 15, 30, 60).map(Duration::ofMinutes),
                Arbitraries.of(0, 5, 20).map(Duration::ofMinutes),
                Arbitraries.of(0, 10, 90).map(Duration::ofMinutes))
                .as((silence, excursion, restore) -> new AlertRule(UUID.randomUUID(),
                        new RuleScope.Org(UUID.randomUUID()), new OfflineCondition(silence), excursion,
                        new Hysteresis(0, restore), Severity.WARNING, EscalationPolicy.notifyOnce(Role.STAFF)));
        Arbitrary<Long> advance = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, 600)),
                Tuple.of(1, Arbitraries.longs().between(600, 7200)));
        Arbitrary<Long> lag = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(0L)),
                Tuple.of(2, Arbitraries.longs().between(1, 3600)));
        Arbitrary<Step> step = Combinators.combine(advance, Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false))), lag)
                .as(Step::new);
        return Combinators.combine(rules, step.list().ofMaxSize(60)).as(Scenario::new);
    }
}
