package dev.frostline.alert.excursion;

import static dev.frostline.alert.excursion.ValueExcursionTransitionsTest.T0;
import static dev.frostline.alert.excursion.ValueExcursionTransitionsTest.min;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmOpened;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmRestored;
import dev.frostline.alert.excursion.ExcursionEffect.StateChanged;
import dev.frostline.alert.excursion.ExcursionEffect.TimerCancelled;
import dev.frostline.alert.excursion.ExcursionEffect.TimerScheduled;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.OfflineCondition;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The offline rule: out of range once 30 minutes pass without a reading. */
class OfflineExcursionTransitionsTest {

    private static AlertRule offline(Duration excursion, Duration restore) {
        return new AlertRule(UUID.randomUUID(), new RuleScope.Org(UUID.randomUUID()),
                new OfflineCondition(Duration.ofMinutes(30)), excursion, new Hysteresis(0, restore), Severity.WARNING,
                EscalationPolicy.notifyOnce(Role.STAFF));
    }

    private final Pair pair = new Pair(offline(Duration.ZERO, Duration.ZERO));

    @Test
    void theOfflineRuleFiresWithNoReadingsAtAll() {
        assertThat(pair.startMonitoring(T0)).containsExactly(
                new TimerScheduled(new ExcursionTimer(1, min(30), TimerPurpose.OFFLINE_DEADLINE)));
        assertThat(pair.fireTimer()).containsExactly(new StateChanged(Phase.OK, Phase.EXCURSION, min(30)),
                new StateChanged(Phase.EXCURSION, Phase.ALARM_ACTIVE, min(30)),
                new AlarmOpened(min(30), min(30), OptionalDouble.empty()));
        assertThat(pair.state.timer()).isNull();
    }

    @Test
    void monitoringStartsOnlyOnce() {
        pair.startMonitoring(T0);
        ExcursionState before = pair.state;
        assertThat(pair.startMonitoring(min(10))).isEmpty();
        assertThat(pair.state).isEqualTo(before);
    }

    @Test
    void readingsKeepTheUnitOnlineWithoutRewritingTheDeadline() {
        pair.reading(0, T0);
        ExcursionTimer deadline = pair.state.timer();
        assertThat(pair.reading(0, min(10))).isEmpty();
        assertThat(pair.reading(0, min(20))).isEmpty();
        assertThat(pair.state.timer()).isEqualTo(deadline);
        // The early deadline fires, finds the unit seen at +20 and moves itself to +50.
        assertThat(pair.fireTimer()).containsExactly(
                new TimerScheduled(new ExcursionTimer(2, min(50), TimerPurpose.OFFLINE_DEADLINE)));
        assertThat(pair.state.phase()).isEqualTo(Phase.OK);
    }

    @Test
    void aReadingRestoresAnOfflineAlarmAndSetsANewDeadline() {
        pair.reading(0, T0);
        pair.fireTimer();
        List<ExcursionEffect> effects = pair.reading(0, min(40));
        assertThat(effects).containsExactly(new StateChanged(Phase.ALARM_ACTIVE, Phase.RESTORING, min(40)),
                new StateChanged(Phase.RESTORING, Phase.OK, min(40)),
                new AlarmRestored(min(30), min(40), OptionalDouble.empty()),
                new TimerScheduled(new ExcursionTimer(2, min(70), TimerPurpose.OFFLINE_DEADLINE)));
    }

    @Test
    void aReadingAfterALongSilenceWhoseDeadlineHasNotFiredOpensAndRestoresTheAlarm() {
        pair.reading(0, T0);
        pair.reading(0, min(45));
        assertThat(pair.all(AlarmOpened.class)).containsExactly(
                new AlarmOpened(min(30), min(30), OptionalDouble.empty()));
        assertThat(pair.all(AlarmRestored.class)).containsExactly(
                new AlarmRestored(min(30), min(45), OptionalDouble.empty()));
        assertThat(pair.state.timer()).isEqualTo(new ExcursionTimer(2, min(75), TimerPurpose.OFFLINE_DEADLINE));
    }

    @Test
    void anOfflineExcursionDurationDelaysTheAlarmAndAReadingWithinItEndsTheExcursion() {
        Pair patient = new Pair(offline(Duration.ofMinutes(10), Duration.ZERO));
        patient.startMonitoring(T0);
        assertThat(patient.fireTimer()).containsExactly(new StateChanged(Phase.OK, Phase.EXCURSION, min(30)),
                new TimerScheduled(new ExcursionTimer(2, min(40), TimerPurpose.ALARM_DUE)));
        ExcursionTimer alarmDue = patient.state.timer();
        assertThat(patient.reading(0, min(35))).containsExactly(new StateChanged(Phase.EXCURSION, Phase.OK, min(35)),
                new TimerCancelled(alarmDue),
                new TimerScheduled(new ExcursionTimer(3, min(65), TimerPurpose.OFFLINE_DEADLINE)));
        assertThat(patient.all(AlarmOpened.class)).isEmpty();
        assertThat(patient.state.timer().due()).isEqualTo(min(65));
    }

    @Test
    void restoringFromOfflineNeedsReadingsForTheMinimumRestoreDuration() {
        Pair careful = new Pair(offline(Duration.ZERO, Duration.ofMinutes(10)));
        careful.startMonitoring(T0);
        careful.fireTimer();
        assertThat(careful.reading(0, min(40))).containsExactly(
                new StateChanged(Phase.ALARM_ACTIVE, Phase.RESTORING, min(40)),
                new TimerScheduled(new ExcursionTimer(2, min(50), TimerPurpose.RESTORE_DUE)));
        assertThat(careful.fireTimer()).contains(new AlarmRestored(min(30), min(50), OptionalDouble.empty()));
    }

    @Test
    void silenceWhileRestoringReturnsToAlarmActive() {
        Pair careful = new Pair(offline(Duration.ZERO, Duration.ofMinutes(60)));
        careful.startMonitoring(T0);
        careful.fireTimer();
        careful.reading(0, min(40));
        // Restore due at +100, but silence from +40 makes the unit offline again at +70.
        assertThat(careful.state.timer()).isEqualTo(new ExcursionTimer(2, min(70), TimerPurpose.OFFLINE_DEADLINE));
        assertThat(careful.fireTimer()).containsExactly(
                new StateChanged(Phase.RESTORING, Phase.ALARM_ACTIVE, min(70)));
        assertThat(careful.all(AlarmOpened.class)).hasSize(1);
        assertThat(careful.all(AlarmRestored.class)).isEmpty();
    }

    @Test
    void anOfflineRuleLooksAtNoValue() {
        pair.reading(Double.NaN, T0);
        assertThat(pair.state.lastSeen()).isEqualTo(T0);
    }
}
