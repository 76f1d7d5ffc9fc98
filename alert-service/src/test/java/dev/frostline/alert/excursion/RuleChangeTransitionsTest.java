package dev.frostline.alert.excursion;

import static dev.frostline.alert.excursion.ValueExcursionTransitionsTest.T0;
import static dev.frostline.alert.excursion.ValueExcursionTransitionsTest.fridge;
import static dev.frostline.alert.excursion.ValueExcursionTransitionsTest.min;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.excursion.ExcursionEffect.AlarmOpened;
import dev.frostline.alert.excursion.ExcursionEffect.StateChanged;
import dev.frostline.alert.excursion.ExcursionEffect.TimerCancelled;
import dev.frostline.alert.excursion.ExcursionEffect.TimerScheduled;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.OfflineCondition;
import dev.frostline.alert.rule.ThresholdCondition;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Rule edits reach running state: no restart, no new reading. */
class RuleChangeTransitionsTest {

    private static AlertRule withBounds(AlertRule rule, Double min, Double max) {
        return new AlertRule(rule.id(), rule.scope(), new ThresholdCondition(Metric.TEMPERATURE_C, new Bounds(min, max)),
                rule.excursionDuration(), rule.hysteresis(), rule.severity(), rule.escalation());
    }

    private static AlertRule withExcursion(AlertRule rule, Duration excursion) {
        return new AlertRule(rule.id(), rule.scope(), rule.condition(), excursion, rule.hysteresis(), rule.severity(),
                rule.escalation());
    }

    private final AlertRule rule = fridge(Duration.ofMinutes(10), Duration.ofMinutes(5));
    private final Pair pair = new Pair(rule);

    @Test
    void aUnitWhoseThresholdsTightenIsReevaluatedAgainstItsLatestReading() {
        pair.reading(4.0, T0);
        assertThat(pair.changeRule(withBounds(rule, 0.0, 3.0), min(2))).containsExactly(
                new StateChanged(Phase.OK, Phase.EXCURSION, min(2)),
                new TimerScheduled(new ExcursionTimer(1, min(12), TimerPurpose.ALARM_DUE)));
    }

    @Test
    void widenedThresholdsStartRestoringAnOpenAlarmFromTheChange() {
        pair.reading(7.0, T0);
        pair.fireTimer();
        assertThat(pair.changeRule(withBounds(rule, 0.0, 8.0), min(12))).containsExactly(
                new StateChanged(Phase.ALARM_ACTIVE, Phase.RESTORING, min(12)),
                new TimerScheduled(new ExcursionTimer(2, min(17), TimerPurpose.RESTORE_DUE)));
    }

    @Test
    void aShorterExcursionDurationThatHasAlreadyElapsedAlarmsAtTheChange() {
        pair.reading(7.0, T0);
        ExcursionTimer timer = pair.state.timer();
        assertThat(pair.changeRule(withExcursion(rule, Duration.ofMinutes(5)), min(8))).containsExactly(
                new StateChanged(Phase.EXCURSION, Phase.ALARM_ACTIVE, min(8)),
                new AlarmOpened(T0, min(8), OptionalDouble.of(7.0)), new TimerCancelled(timer));
    }

    @Test
    void aLongerExcursionDurationMovesThePendingTimer() {
        pair.reading(7.0, T0);
        ExcursionTimer timer = pair.state.timer();
        assertThat(pair.changeRule(withExcursion(rule, Duration.ofMinutes(20)), min(3))).containsExactly(
                new TimerCancelled(timer), new TimerScheduled(new ExcursionTimer(2, min(20), TimerPurpose.ALARM_DUE)));
        assertThat(pair.state.phase()).isEqualTo(Phase.EXCURSION);
    }

    @Test
    void aShorterOfflineSilenceTakesAUnitThatIsAlreadySilentThatLongOffline() {
        AlertRule offline = new AlertRule(rule.id(), rule.scope(), new OfflineCondition(Duration.ofMinutes(30)),
                Duration.ZERO, Hysteresis.NONE, rule.severity(), rule.escalation());
        Pair unit = new Pair(offline);
        unit.reading(0, T0);
        AlertRule shorter = new AlertRule(rule.id(), rule.scope(), new OfflineCondition(Duration.ofMinutes(15)),
                Duration.ZERO, Hysteresis.NONE, rule.severity(), rule.escalation());
        unit.changeRule(shorter, min(20));
        assertThat(unit.all(AlarmOpened.class)).containsExactly(
                new AlarmOpened(min(20), min(20), OptionalDouble.empty()));
    }
}
