package dev.frostline.alert.excursion;

import static dev.frostline.alert.excursion.ValueExcursionTransitionsTest.T0;
import static dev.frostline.alert.excursion.ValueExcursionTransitionsTest.fridge;
import static dev.frostline.alert.excursion.ValueExcursionTransitionsTest.min;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmOpened;
import dev.frostline.alert.excursion.ExcursionEffect.AlarmRestored;
import dev.frostline.alert.excursion.ExcursionEffect.StateChanged;
import dev.frostline.alert.excursion.ExcursionEffect.TimerScheduled;
import dev.frostline.alert.excursion.ExcursionInput.ResolvedByHand;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.OfflineCondition;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A manager resolves the alert by hand; the pair starts over rather than staying silently alarmed. */
class ResolvedByHandTransitionsTest {

    private final Pair pair = new Pair(fridge(Duration.ofMinutes(10), Duration.ofMinutes(5)));

    @Test
    void resolvingByHandReturnsToOkWithoutAnAutomaticRestore() {
        pair.reading(7.0, T0);
        pair.fireTimer();
        pair.reading(3.0, min(12));
        assertThat(pair.feed(new ResolvedByHand(min(13)))).startsWith(
                new StateChanged(Phase.RESTORING, Phase.OK, min(13)));
        assertThat(pair.state.phase()).isEqualTo(Phase.OK);
        assertThat(pair.state.timer()).isNull();
        assertThat(pair.all(AlarmRestored.class)).isEmpty();
    }

    @Test
    void aValueStillOutOfRangeStartsANewExcursionAtTheManualResolve() {
        pair.reading(7.0, T0);
        pair.fireTimer();
        assertThat(pair.feed(new ResolvedByHand(min(15)))).containsExactly(
                new StateChanged(Phase.ALARM_ACTIVE, Phase.OK, min(15)),
                new StateChanged(Phase.OK, Phase.EXCURSION, min(15)),
                new TimerScheduled(new ExcursionTimer(2, min(25), TimerPurpose.ALARM_DUE)));
        pair.fireTimer();
        assertThat(pair.all(AlarmOpened.class)).containsExactly(new AlarmOpened(T0, min(10), OptionalDouble.of(7.0)),
                new AlarmOpened(min(15), min(25), OptionalDouble.of(7.0)));
    }

    @Test
    void resolvingByHandWithNoAlarmOpenChangesNothing() {
        pair.reading(7.0, T0);
        ExcursionState before = pair.state;
        assertThat(pair.feed(new ResolvedByHand(min(5)))).isEmpty();
        assertThat(pair.state).isEqualTo(before);
    }

    @Test
    void anOfflineUnitResolvedByHandCountsItsSilenceFromTheResolve() {
        Pair unit = new Pair(new AlertRule(UUID.randomUUID(), new RuleScope.Org(UUID.randomUUID()),
                new OfflineCondition(Duration.ofMinutes(30)), Duration.ZERO, Hysteresis.NONE, Severity.WARNING,
                EscalationPolicy.notifyOnce(Role.STAFF)));
        unit.startMonitoring(T0);
        unit.fireTimer();
        assertThat(unit.feed(new ResolvedByHand(min(40)))).containsExactly(
                new StateChanged(Phase.ALARM_ACTIVE, Phase.OK, min(40)),
                new TimerScheduled(new ExcursionTimer(2, min(70), TimerPurpose.OFFLINE_DEADLINE)));
    }
}
