package dev.frostline.alert.excursion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmOpened;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmRestored;
import dev.frostline.alert.excursion.ExcursionEffect.PeakUpdated;
import dev.frostline.alert.excursion.ExcursionEffect.StateChanged;
import dev.frostline.alert.excursion.ExcursionEffect.TimerCancelled;
import dev.frostline.alert.excursion.ExcursionEffect.TimerScheduled;
import dev.frostline.alert.excursion.ExcursionInput.MonitoringStarted;
import dev.frostline.alert.excursion.ExcursionInput.ReadingObserved;
import dev.frostline.alert.excursion.ExcursionInput.TimerFired;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.LowBatteryCondition;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.Severity;
import dev.frostline.alert.rule.ThresholdCondition;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the machine for a value rule: a fridge kept at 0..5 °C, alarming after 10
 * minutes out, restored 5 minutes after coming back to 4.5 °C (or 0.5 °C) or better.
 */
class ValueExcursionTransitionsTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static Instant min(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static AlertRule fridge(Duration excursion, Duration restore) {
        return new AlertRule(UUID.randomUUID(), new RuleScope.Org(UUID.randomUUID()),
                new ThresholdCondition(Metric.TEMPERATURE_C, new Bounds(0.0, 5.0)), excursion,
                new Hysteresis(0.5, restore), Severity.CRITICAL, EscalationPolicy.notifyOnce(Role.STAFF));
    }

    private final Pair pair = new Pair(fridge(Duration.ofMinutes(10), Duration.ofMinutes(5)));

    /** Drives the pair into alarm_active: out at T0, still out at +10 (alarm at +10). */
    private void alarmAtTenMinutes() {
        pair.reading(7.0, T0);
        pair.fireTimer();
        assertThat(pair.state.phase()).isEqualTo(Phase.ALARM_ACTIVE);
    }

    private void restoringFromFifteenMinutes() {
        alarmAtTenMinutes();
        pair.reading(4.0, min(15));
        assertThat(pair.state.phase()).isEqualTo(Phase.RESTORING);
    }

    @Test
    void okStaysOkForReadingsInRangeAndSchedulesNothing() {
        assertThat(pair.reading(3.0, T0)).isEmpty();
        assertThat(pair.reading(5.0, min(1))).isEmpty();
        assertThat(pair.reading(0.0, min(2))).isEmpty();
        assertThat(pair.state.phase()).isEqualTo(Phase.OK);
        assertThat(pair.state.timer()).isNull();
        assertThat(pair.state.clock()).isEqualTo(min(2));
    }

    @Test
    void okEntersExcursionOnAReadingOutOfRangeAndSchedulesTheAlarmAtStartPlusDuration() {
        List<ExcursionEffect> effects = pair.reading(6.0, T0);
        ExcursionTimer timer = new ExcursionTimer(1, min(10), TimerPurpose.ALARM_DUE);
        assertThat(effects).containsExactly(new StateChanged(Phase.OK, Phase.EXCURSION, T0),
                new TimerScheduled(timer));
        assertThat(pair.state.phase()).isEqualTo(Phase.EXCURSION);
        assertThat(pair.state.excursionStart()).isEqualTo(T0);
        assertThat(pair.state.timer()).isEqualTo(timer);
    }

    @Test
    void excursionReturnsToOkWhenTheValueComesBackBeforeTheDuration() {
        pair.reading(6.0, T0);
        ExcursionTimer timer = pair.state.timer();
        assertThat(pair.reading(4.0, min(9))).containsExactly(new StateChanged(Phase.EXCURSION, Phase.OK, min(9)),
                new TimerCancelled(timer));
        assertThat(pair.state.timer()).isNull();
        assertThat(pair.fireTimerIfAny()).isEmpty();
    }

    @Test
    void excursionEndsOnAnyValueInsideTheRangeEvenOneNotYetInsideTheDeadband() {
        pair.reading(6.0, T0);
        pair.reading(4.9, min(5));
        assertThat(pair.state.phase()).isEqualTo(Phase.OK);
    }

    @Test
    void excursionWithNoFurtherReadingsAlarmsAfterTheDuration() {
        pair.reading(6.5, T0);
        List<ExcursionEffect> effects = pair.feed(new TimerFired(1, min(10)));
        assertThat(effects).containsExactly(new StateChanged(Phase.EXCURSION, Phase.ALARM_ACTIVE, min(10)),
                new AlarmOpened(T0, min(10), OptionalDouble.of(6.5)));
        assertThat(pair.state.timer()).isNull();
    }

    @Test
    void aTimerFiringLateStillDatesTheAlarmAtItsDueTime() {
        pair.reading(6.5, T0);
        pair.feed(new TimerFired(1, min(13)));
        assertThat(pair.all(AlarmOpened.class)).containsExactly(new AlarmOpened(T0, min(10), OptionalDouble.of(6.5)));
        assertThat(pair.state.clock()).isEqualTo(min(10));
    }

    @Test
    void aReadingAfterTheDurationOpensTheAlarmAtTheDueTimeEvenIfTheTimerHasNotFiredYet() {
        pair.reading(6.5, T0);
        ExcursionTimer timer = pair.state.timer();
        List<ExcursionEffect> effects = pair.reading(7.5, min(12));
        assertThat(effects).containsExactly(new StateChanged(Phase.EXCURSION, Phase.ALARM_ACTIVE, min(10)),
                new AlarmOpened(T0, min(10), OptionalDouble.of(6.5)), new PeakUpdated(7.5, min(12)),
                new TimerCancelled(timer));
        // The timer, should it fire now, is stale.
        assertThat(pair.feed(new TimerFired(timer.generation(), min(12)))).isEmpty();
    }

    @Test
    void theAlarmCarriesThePeakSeenDuringTheExcursion() {
        pair.reading(6.0, T0);
        pair.reading(8.0, min(3));
        pair.reading(7.0, min(6));
        pair.fireTimer();
        assertThat(pair.all(AlarmOpened.class)).containsExactly(new AlarmOpened(T0, min(10), OptionalDouble.of(8.0)));
    }

    @Test
    void aZeroDurationAlarmsOnTheFirstReadingOutOfRange() {
        Pair instant = new Pair(fridge(Duration.ZERO, Duration.ofMinutes(5)));
        assertThat(instant.reading(5.1, T0)).containsExactly(new StateChanged(Phase.OK, Phase.EXCURSION, T0),
                new StateChanged(Phase.EXCURSION, Phase.ALARM_ACTIVE, T0),
                new AlarmOpened(T0, T0, OptionalDouble.of(5.1)));
        assertThat(instant.state.timer()).isNull();
    }

    @Test
    void alarmActiveUpdatesThePeakOnlyWhenTheValueIsFurtherOut() {
        alarmAtTenMinutes();
        assertThat(pair.reading(9.0, min(11))).containsExactly(new PeakUpdated(9.0, min(11)));
        assertThat(pair.reading(8.0, min(12))).isEmpty();
        assertThat(pair.state.peak()).isEqualTo(9.0);
    }

    @Test
    void alarmActiveStaysWhileTheValueIsBetweenTheThresholdAndTheDeadband() {
        alarmAtTenMinutes();
        assertThat(pair.reading(4.8, min(11))).isEmpty();
        assertThat(pair.reading(5.0, min(12))).isEmpty();
        assertThat(pair.state.phase()).isEqualTo(Phase.ALARM_ACTIVE);
    }

    @Test
    void alarmActiveStartsRestoringOnceInsideTheDeadband() {
        alarmAtTenMinutes();
        assertThat(pair.reading(4.5, min(15))).containsExactly(
                new StateChanged(Phase.ALARM_ACTIVE, Phase.RESTORING, min(15)),
                new TimerScheduled(new ExcursionTimer(2, min(20), TimerPurpose.RESTORE_DUE)));
    }

    @Test
    void restoringReturnsToAlarmActiveWhenTheValueLeavesTheRangeAgain() {
        restoringFromFifteenMinutes();
        ExcursionTimer restoreTimer = pair.state.timer();
        assertThat(pair.reading(9.5, min(17))).containsExactly(
                new StateChanged(Phase.RESTORING, Phase.ALARM_ACTIVE, min(17)), new PeakUpdated(9.5, min(17)),
                new TimerCancelled(restoreTimer));
        assertThat(pair.all(AlarmOpened.class)).hasSize(1);
    }

    @Test
    void restoringReturnsToAlarmActiveWhenTheValueLeavesTheDeadbandWithinTheRange() {
        restoringFromFifteenMinutes();
        assertThat(pair.reading(4.7, min(17))).startsWith(
                new StateChanged(Phase.RESTORING, Phase.ALARM_ACTIVE, min(17)));
        assertThat(pair.state.timer()).isNull();
    }

    @Test
    void restoringBecomesOkWhenTheMinimumRestoreDurationElapsesWithNoFurtherReading() {
        restoringFromFifteenMinutes();
        assertThat(pair.fireTimer()).containsExactly(new StateChanged(Phase.RESTORING, Phase.OK, min(20)),
                new AlarmRestored(T0, min(20), OptionalDouble.of(7.0)));
        assertThat(pair.state).isEqualTo(new ExcursionState(Phase.OK, min(20), null, null, min(20), 4.0, null, null, 2));
    }

    @Test
    void restoringStaysWhileReadingsStayInsideTheDeadbandAndEndsOnOneAfterTheDuration() {
        restoringFromFifteenMinutes();
        assertThat(pair.reading(3.0, min(18))).isEmpty();
        assertThat(pair.reading(3.0, min(21))).containsSubsequence(new StateChanged(Phase.RESTORING, Phase.OK, min(20)),
                new AlarmRestored(T0, min(20), OptionalDouble.of(7.0)));
        assertThat(pair.state.phase()).isEqualTo(Phase.OK);
    }

    @Test
    void aZeroRestoreDurationRestoresOnTheFirstReadingInsideTheDeadband() {
        Pair quick = new Pair(fridge(Duration.ZERO, Duration.ZERO));
        quick.reading(6.0, T0);
        assertThat(quick.reading(4.5, min(1))).containsExactly(
                new StateChanged(Phase.ALARM_ACTIVE, Phase.RESTORING, min(1)),
                new StateChanged(Phase.RESTORING, Phase.OK, min(1)),
                new AlarmRestored(T0, min(1), OptionalDouble.of(6.0)));
    }

    @Test
    void belowTheMinimumThePeakIsTheLowestValueAndRestoringNeedsMinPlusDeadband() {
        Pair cold = new Pair(fridge(Duration.ZERO, Duration.ZERO));
        cold.reading(-1.0, T0);
        cold.reading(-2.5, min(1));
        cold.reading(-1.5, min(2));
        cold.reading(0.3, min(3));
        assertThat(cold.state.phase()).isEqualTo(Phase.ALARM_ACTIVE);
        assertThat(cold.state.peak()).isEqualTo(-2.5);
        cold.reading(0.5, min(4));
        assertThat(cold.all(AlarmRestored.class)).containsExactly(
                new AlarmRestored(T0, min(4), OptionalDouble.of(-2.5)));
    }

    @Test
    void aValueOscillatingAroundTheThresholdInsideTheDeadbandProducesExactlyOneAlarm() {
        alarmAtTenMinutes();
        for (int i = 0; i < 40; i++) {
            pair.reading(i % 2 == 0 ? 4.9 : 5.1, min(11 + i));
        }
        if (pair.state.timer() != null) {
            pair.fireTimer();
        }
        assertThat(pair.all(AlarmOpened.class)).hasSize(1);
        assertThat(pair.all(AlarmRestored.class)).isEmpty();
        assertThat(pair.state.phase()).isEqualTo(Phase.ALARM_ACTIVE);
    }

    @Test
    void briefExcursionsAroundTheThresholdShorterThanTheDurationNeverAlarm() {
        for (int i = 0; i < 40; i++) {
            pair.reading(i % 2 == 0 ? 5.1 : 4.9, min(i * 3));
        }
        pair.fireTimerIfAny();
        assertThat(pair.all(AlarmOpened.class)).isEmpty();
    }

    @Test
    void aStaleTimerChangesNothing() {
        pair.reading(6.0, T0);
        ExcursionTimer first = pair.state.timer();
        pair.reading(4.0, min(2));
        pair.reading(6.0, min(3));
        assertThat(pair.state.timer().generation()).isEqualTo(first.generation() + 1);
        ExcursionState before = pair.state;
        assertThat(pair.feed(new TimerFired(first.generation(), first.due()))).isEmpty();
        assertThat(pair.state).isEqualTo(before);
    }

    @Test
    void aTimerFiringBeforeItIsDueChangesNothing() {
        pair.reading(6.0, T0);
        ExcursionState before = pair.state;
        assertThat(pair.feed(new TimerFired(before.timer().generation(), min(9)))).isEmpty();
        assertThat(pair.state).isEqualTo(before);
    }

    @Test
    void aTimerFiredTwiceActsOnce() {
        pair.reading(6.0, T0);
        TimerFired fired = new TimerFired(pair.state.timer().generation(), min(10));
        assertThat(pair.feed(fired)).isNotEmpty();
        assertThat(pair.feed(fired)).isEmpty();
        assertThat(pair.all(AlarmOpened.class)).hasSize(1);
    }

    @Test
    void aReadingOlderThanTheNewestEvaluatedChangesNothing() {
        pair.reading(6.0, min(5));
        ExcursionState before = pair.state;
        assertThat(pair.reading(3.0, min(4))).isEmpty();
        assertThat(pair.state).isEqualTo(before);
    }

    @Test
    void aRedeliveredReadingChangesNothing() {
        pair.reading(6.0, min(5));
        ExcursionState before = pair.state;
        assertThat(pair.feed(new ReadingObserved(6.0, min(5)))).isEmpty();
        assertThat(pair.state).isEqualTo(before);
    }

    @Test
    void aReadingRecordedBeforeAFiredTimerIsLate() {
        pair.reading(6.0, T0);
        pair.fireTimer();
        ExcursionState before = pair.state;
        assertThat(pair.reading(3.0, min(9))).isEmpty();
        assertThat(pair.state).isEqualTo(before);
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        assertThat(pair.reading(Double.NaN, T0)).isEmpty();
        assertThat(pair.reading(Double.POSITIVE_INFINITY, min(1))).isEmpty();
        assertThat(pair.state).isEqualTo(ExcursionState.INITIAL);
    }

    @Test
    void monitoringStartedMeansNothingToAValueRule() {
        assertThat(pair.feed(new MonitoringStarted(T0))).isEmpty();
        assertThat(pair.state).isEqualTo(ExcursionState.INITIAL);
    }

    @Test
    void lowBatteryAlarmsBelowTheLevelAndRecoversOnlyAboveLevelPlusDeadband() {
        Pair battery = new Pair(new AlertRule(UUID.randomUUID(), new RuleScope.Org(UUID.randomUUID()),
                new LowBatteryCondition(20), Duration.ZERO, new Hysteresis(5, Duration.ZERO), Severity.WARNING,
                EscalationPolicy.notifyOnce(Role.STAFF)));
        assertThat(battery.reading(20, T0)).isEmpty();
        battery.reading(19, min(60));
        assertThat(battery.state.phase()).isEqualTo(Phase.ALARM_ACTIVE);
        battery.reading(22, min(120));
        assertThat(battery.state.phase()).isEqualTo(Phase.ALARM_ACTIVE);
        battery.reading(25, min(180));
        assertThat(battery.all(AlarmOpened.class)).containsExactly(
                new AlarmOpened(min(60), min(60), OptionalDouble.of(19)));
        assertThat(battery.all(AlarmRestored.class)).hasSize(1);
    }
}
