package dev.frostline.alert.excursion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmOpened;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmRestored;
import dev.frostline.alert.excursion.ExcursionInput.ReadingObserved;
import dev.frostline.alert.excursion.ExcursionInput.TimerFired;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.Severity;
import dev.frostline.alert.rule.ThresholdCondition;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Role;
import java.math.BigDecimal;
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
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

/**
 * Random reading sequences (random gaps, some readings arriving late, timer ticks at random
 * moments, stale and premature timer firings) through {@link TrackingExcursion} for a threshold
 * rule, checked against the sequence itself rather than against the machine's own bookkeeping.
 */
class TrackingExcursionPropertyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    /**
     * One step of the world: the wall clock advances, then either a reading arrives (recorded
     * {@code lagSeconds} before the wall clock: late if that is before an earlier one) or the
     * adapter's timer poller runs.
     */
    record Step(long advanceSeconds, boolean isReading, double position, int edge, long lagSeconds,
            TickKind tick) {
    }

    /** What the poller does: fire the pending timer when due, a stale or premature one, or a person resolves by hand. */
    enum TickKind { DUE, STALE, PREMATURE, RESOLVE_BY_HAND }

    /**
     * @param inside whether the readings stay inside the bounds (else anywhere from 10 below to 10
     *        above them, one in five on a bound or a deadband edge)
     */
    record Scenario(AlertRule rule, List<Step> steps, boolean inside) {
        Bounds bounds() {
            return ((ThresholdCondition) rule.condition()).bounds();
        }

        /** The step's reading value, placed relative to this scenario's bounds. */
        double valueOf(Step step) {
            Bounds bounds = bounds();
            double lo = bounds.min() != null ? bounds.min() : plus(bounds.max(), -20);
            double hi = bounds.max() != null ? bounds.max() : plus(bounds.min(), 20);
            double deadband = rule.hysteresis().deadband();
            if (inside) {
                return step.edge() == 0 ? lo : step.edge() == 1 ? hi : Math.min(hi, lo + step.position() * (hi - lo));
            }
            switch (step.edge()) {
                case 0 -> {
                    return lo;
                }
                case 1 -> {
                    return hi;
                }
                case 2 -> {
                    return plus(lo, deadband);
                }
                case 3 -> {
                    return plus(hi, -deadband);
                }
                default -> {
                    // One decimal place, like real readings, so values land exactly on bounds too.
                    double span = plus(plus(hi, -lo), 20);
                    return BigDecimal.valueOf(plus(lo, -10) + step.position() * span)
                            .setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
                }
            }
        }
    }

    /** What happened: every input applied, the state before it and its transition. */
    record Applied(ExcursionInput input, ExcursionState before, Transition transition, boolean lateByTheRule) {
    }

    // ---- properties ------------------------------------------------------------------------

    @Property(tries = 500)
    void atMostOneAlarmIsOpenAtAnyTime(@ForAll("anySequence") Scenario scenario) {
        int open = 0;
        List<Applied> history = run(scenario);
        // The sequences must reach the interesting phases, or the other properties hold vacuously.
        Statistics.label("alarms opened").collect(count(history, AlarmOpened.class) > 0);
        Statistics.label("alarms restored").collect(count(history, AlarmRestored.class) > 0);
        Statistics.label("late readings").collect(history.stream().anyMatch(Applied::lateByTheRule));
        Statistics.label("restoring interrupted").collect(history.stream()
                .flatMap(a -> a.transition().effects().stream())
                .anyMatch(e -> e instanceof ExcursionEffect.StateChanged c && c.from() == Phase.RESTORING
                        && c.to() == Phase.ALARM_ACTIVE));
        for (Applied applied : history) {
            List<ExcursionEffect> effects = applied.transition().effects();
            for (int i = 0; i < effects.size(); i++) {
                ExcursionEffect effect = effects.get(i);
                if (effect instanceof AlarmOpened) {
                    open++;
                } else if (effect instanceof AlarmRestored) {
                    open--;
                } else if (closedByHand(applied, effects, i)) {
                    open--;
                }
                if (open < 0 || open > 1) {
                    throw new AssertionError(open + " alarms open after " + effect);
                }
            }
            if (applied.transition().state().phase().alarmOpen() != (open == 1)) {
                throw new AssertionError("phase " + applied.transition().state().phase() + " with " + open + " open");
            }
        }
    }

    @Property(tries = 500)
    void anAlarmOpensOnlyAfterTheValueWasOutOfRangeForAtLeastTheDuration(@ForAll("anySequence") Scenario scenario) {
        List<Applied> history = run(scenario);
        List<ReadingObserved> evaluated = history.stream().filter(a -> !a.lateByTheRule())
                .map(Applied::input).filter(ReadingObserved.class::isInstance).map(ReadingObserved.class::cast)
                .toList();
        Bounds bounds = scenario.bounds();
        for (Applied applied : history) {
            for (ExcursionEffect effect : applied.transition().effects()) {
                if (!(effect instanceof AlarmOpened opened)) {
                    continue;
                }
                if (Duration.between(opened.since(), opened.at()).compareTo(scenario.rule().excursionDuration()) < 0) {
                    throw new AssertionError("alarm before the duration: " + opened);
                }
                if (restartedByHandAt(history, opened.since())) {
                    // A value still out of range when the previous alarm was resolved by hand starts over then.
                    // The reading that was current then may carry the resolve's own instant.
                    ReadingObserved latest = evaluated.stream().filter(r -> !r.recordedAt().isAfter(opened.since()))
                            .reduce((a, b) -> b).orElseThrow();
                    if (bounds.contains(latest.value())) {
                        throw new AssertionError("restarted at " + opened.since() + " from " + latest);
                    }
                } else if (evaluated.stream().noneMatch(r -> r.recordedAt().equals(opened.since())
                        && !bounds.contains(r.value()))) {
                    throw new AssertionError("no reading out of range started the excursion of " + opened);
                }
                evaluated.stream().filter(r -> !r.recordedAt().isBefore(opened.since())
                        && r.recordedAt().isBefore(opened.at()) && bounds.contains(r.value())).findFirst()
                        .ifPresent(r -> {
                            throw new AssertionError(r + " was in range during the excursion of " + opened);
                        });
            }
        }
    }

    @Property(tries = 500)
    void anAlarmIsRestoredOnlyAfterStayingInsideTheDeadbandForTheRestoreDuration(
            @ForAll("anySequence") Scenario scenario) {
        List<Applied> history = run(scenario);
        List<ReadingObserved> evaluated = history.stream().filter(a -> !a.lateByTheRule())
                .map(Applied::input).filter(ReadingObserved.class::isInstance).map(ReadingObserved.class::cast)
                .toList();
        ThresholdCondition condition = (ThresholdCondition) scenario.rule().condition();
        double deadband = scenario.rule().hysteresis().deadband();
        Instant restoringSince = null;
        for (Applied applied : history) {
            for (ExcursionEffect effect : applied.transition().effects()) {
                if (effect instanceof ExcursionEffect.StateChanged change && change.to() == Phase.RESTORING) {
                    restoringSince = change.at();
                }
                if (!(effect instanceof AlarmRestored restored)) {
                    continue;
                }
                Instant since = restoringSince;
                if (since == null || Duration.between(since, restored.at())
                        .compareTo(scenario.rule().hysteresis().minimumRestore()) < 0) {
                    throw new AssertionError(restored + " restored too soon after restoring from " + since);
                }
                evaluated.stream().filter(r -> !r.recordedAt().isBefore(since)
                        && r.recordedAt().isBefore(restored.at())
                        && !condition.isBackInRange(r.value(), deadband)).findFirst().ifPresent(r -> {
                            throw new AssertionError(r + " left the deadband before " + restored);
                        });
            }
        }
    }

    @Property(tries = 500)
    void aSequenceThatStaysInsideTheRangeNeverAlarms(@ForAll("insideSequence") Scenario scenario) {
        for (Applied applied : run(scenario)) {
            if (!applied.transition().effects().isEmpty() || applied.transition().state().phase() != Phase.OK) {
                throw new AssertionError(applied.input() + " inside the range gave " + applied.transition());
            }
        }
    }

    @Property(tries = 500)
    void aLateReadingNeverChangesTheState(@ForAll("anySequence") Scenario scenario) {
        for (Applied applied : run(scenario)) {
            if (applied.lateByTheRule() && (!applied.transition().state().equals(applied.before())
                    || !applied.transition().effects().isEmpty())) {
                throw new AssertionError("late " + applied.input() + " moved " + applied.before() + " to "
                        + applied.transition());
            }
        }
    }

    @Property(tries = 500)
    void removingTheLateReadingsChangesNothingElse(@ForAll("anySequence") Scenario scenario) {
        List<Applied> history = run(scenario);
        // Replay only what was on time (by the documented rule, computed from the sequence alone).
        ExcursionState state = ExcursionState.INITIAL;
        List<ExcursionEffect> effects = new ArrayList<>();
        for (Applied applied : history) {
            if (applied.lateByTheRule()) {
                continue;
            }
            Transition transition = TrackingExcursion.apply(state, scenario.rule(), applied.input());
            state = transition.state();
            effects.addAll(transition.effects());
        }
        ExcursionState finalState = history.isEmpty() ? ExcursionState.INITIAL
                : history.get(history.size() - 1).transition().state();
        assertThat(state).isEqualTo(finalState);
        assertThat(effects).isEqualTo(history.stream().flatMap(a -> a.transition().effects().stream()).toList());
    }

    @Property(tries = 500)
    void everyPendingExcursionHasItsAlarmTimer(@ForAll("anySequence") Scenario scenario) {
        for (Applied applied : run(scenario)) {
            ExcursionState state = applied.transition().state();
            if (state.phase() == Phase.EXCURSION && (state.timer() == null
                    || !state.timer().due().equals(state.excursionStart().plus(scenario.rule().excursionDuration())))) {
                throw new AssertionError("excursion without its alarm timer: " + state);
            }
        }
    }

    private static boolean restartedByHandAt(List<Applied> history, Instant at) {
        return history.stream().anyMatch(a -> a.input() instanceof ExcursionInput.ResolvedByHand r
                && r.at().equals(at) && a.before().phase().alarmOpen());
    }

    /** A change from an open alarm to ok that is not an automatic restore: the manual resolve. */
    private static boolean closedByHand(Applied applied, List<ExcursionEffect> effects, int i) {
        return applied.input() instanceof ExcursionInput.ResolvedByHand
                && effects.get(i) instanceof ExcursionEffect.StateChanged change && change.from().alarmOpen()
                && change.to() == Phase.OK
                && !(i + 1 < effects.size() && effects.get(i + 1) instanceof AlarmRestored);
    }

    private static long count(List<Applied> history, Class<? extends ExcursionEffect> type) {
        return history.stream().flatMap(a -> a.transition().effects().stream()).filter(type::isInstance).count();
    }

    @Property(tries = 500)
    void aValueLeftOutOfRangeAlarmsWithNoFurtherReadings(@ForAll("anySequence") Scenario scenario) {
        List<Applied> history = run(scenario);
        ReadingObserved last = history.stream().filter(a -> !a.lateByTheRule()).map(Applied::input)
                .filter(ReadingObserved.class::isInstance).map(ReadingObserved.class::cast)
                .reduce((a, b) -> b).orElse(null);
        ExcursionState state = history.isEmpty() ? ExcursionState.INITIAL
                : history.get(history.size() - 1).transition().state();
        // Only timers from here on: the adapter fires whatever is pending, as long as anything is.
        for (int i = 0; i < 5 && state.timer() != null; i++) {
            ExcursionTimer timer = state.timer();
            state = TrackingExcursion.apply(state, scenario.rule(),
                    new TimerFired(timer.generation(), timer.due())).state();
        }
        if (last != null && !scenario.bounds().contains(last.value()) && state.phase() != Phase.ALARM_ACTIVE) {
            throw new AssertionError("left out of range at " + last + " but ended " + state);
        }
        if (state.timer() != null) {
            throw new AssertionError("a timer is still pending after firing them all: " + state);
        }
    }

    // ---- the adapter stand-in --------------------------------------------------------------

    /**
     * Applies the steps like an adapter would. Whether a reading is late is decided here, from the
     * documented rule alone: recorded at or before the newest reading or fired timer due time so far.
     */
    private static List<Applied> run(Scenario scenario) {
        List<Applied> history = new ArrayList<>();
        ExcursionState state = ExcursionState.INITIAL;
        Instant wall = T0;
        Instant watermark = null;
        for (Step step : scenario.steps()) {
            wall = wall.plusSeconds(step.advanceSeconds());
            ExcursionInput input;
            boolean late = false;
            if (step.isReading()) {
                Instant recordedAt = wall.minusSeconds(step.lagSeconds());
                input = new ReadingObserved(scenario.valueOf(step), recordedAt);
                late = watermark != null && !recordedAt.isAfter(watermark);
                if (!late) {
                    watermark = recordedAt;
                }
            } else {
                ExcursionTimer timer = state.timer();
                if (timer == null && step.tick() != TickKind.RESOLVE_BY_HAND) {
                    continue;
                }
                switch (step.tick()) {
                    case DUE -> {
                        if (timer.due().isAfter(wall)) {
                            continue;
                        }
                        input = new TimerFired(timer.generation(), wall);
                        watermark = watermark == null || timer.due().isAfter(watermark) ? timer.due() : watermark;
                    }
                    case STALE -> input = new TimerFired(timer.generation() - 1, wall);
                    case RESOLVE_BY_HAND -> {
                        input = new ExcursionInput.ResolvedByHand(wall);
                        if (state.phase().alarmOpen() && (watermark == null || wall.isAfter(watermark))) {
                            watermark = wall;
                        }
                    }
                    default -> input = new TimerFired(timer.generation(), timer.due().minusSeconds(1));
                }
            }
            Transition transition = TrackingExcursion.apply(state, scenario.rule(), input);
            history.add(new Applied(input, state, transition, late));
            state = transition.state();
        }
        return history;
    }

    // ---- generators ------------------------------------------------------------------------

    @Provide
    Arbitrary<Scenario> anySequence() {
        return Combinators.combine(rules(), steps()).as((rule, steps) -> new Scenario(rule, steps, false));
    }

    @Provide
    Arbitrary<Scenario> insideSequence() {
        return Combinators.combine(rules(), steps()).as((rule, steps) -> new Scenario(rule, steps, true));
    }

    private static Arbitrary<List<Step>> steps() {
        Arbitrary<Long> advance = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 120)),
                Tuple.of(2, Arbitraries.longs().between(120, 900)),
                Tuple.of(1, Arbitraries.longs().between(900, 3600)));
        Arbitrary<Long> lag = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(0L)),
                Tuple.of(2, Arbitraries.longs().between(1, 1800)));
        // On a bound and on the deadband's edge is where off-by-one mistakes live.
        Arbitrary<Integer> edge = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(0, 3)));
        Arbitrary<Step> reading = Combinators.combine(advance, Arbitraries.doubles().between(0, 1), edge, lag)
                .as((a, position, e, l) -> new Step(a, true, position, e, l, null));
        Arbitrary<Step> tick = Combinators.combine(advance, Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(TickKind.DUE)),
                Tuple.of(1, Arbitraries.just(TickKind.STALE)),
                Tuple.of(1, Arbitraries.just(TickKind.PREMATURE)),
                Tuple.of(1, Arbitraries.just(TickKind.RESOLVE_BY_HAND))))
                .as((a, t) -> new Step(a, false, 0, -1, 0, t));
        return Arbitraries.frequencyOf(Tuple.of(3, reading), Tuple.of(1, tick)).list().ofMaxSize(60);
    }

    private enum Sides { BOTH, MIN_ONLY, MAX_ONLY }

    private static Arbitrary<AlertRule> rules() {
        Arbitrary<Double> low = Arbitraries.doubles().between(-30, 30).ofScale(1);
        Arbitrary<Integer> widthTenths = Arbitraries.integers().between(10, 200);
        Arbitrary<Integer> deadbandTenths = Arbitraries.integers().between(0, 40);
        Arbitrary<Duration> excursion = Arbitraries.of(0, 60, 300, 600, 1200).map(Duration::ofSeconds);
        Arbitrary<Duration> restore = Arbitraries.of(0, 60, 300, 900).map(Duration::ofSeconds);
        return Combinators.combine(low, widthTenths, Arbitraries.of(Sides.class), deadbandTenths, excursion, restore)
                .as((lo, w, sides, tenths, out, back) -> {
                    double hi = plus(lo, w / 10.0);
                    Bounds bounds = switch (sides) {
                        case BOTH -> new Bounds(lo, hi);
                        case MIN_ONLY -> new Bounds(lo, null);
                        case MAX_ONLY -> new Bounds(null, hi);
                    };
                    // Keep the deadband below half the band, as the rule requires.
                    double deadband = Math.min(tenths, (w - 1) / 2) / 10.0;
                    return new AlertRule(UUID.randomUUID(), new RuleScope.Org(UUID.randomUUID()),
                            new ThresholdCondition(Metric.TEMPERATURE_C, bounds), out,
                            new Hysteresis(deadband, back), Severity.WARNING,
                            EscalationPolicy.notifyOnce(Role.STAFF));
                });
    }

    /** Summed in decimal, so bounds keep their one decimal place like the values generated around them. */
    private static double plus(double a, double b) {
        return BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).doubleValue();
    }
}
