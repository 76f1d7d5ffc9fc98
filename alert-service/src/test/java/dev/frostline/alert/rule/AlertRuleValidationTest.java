package dev.frostline.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.alert.threshold.InvalidThreshold;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Role;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertRuleValidationTest {

    private static final RuleScope ORG = new RuleScope.Org(UUID.randomUUID());

    private static AlertRule rule(RuleCondition condition, Duration excursion, Hysteresis hysteresis) {
        return new AlertRule(UUID.randomUUID(), ORG, condition, excursion, hysteresis, Severity.CRITICAL,
                EscalationPolicy.notifyOnce(Role.STAFF));
    }

    private static ThresholdCondition temperature(Double min, Double max) {
        return new ThresholdCondition(Metric.TEMPERATURE_C, new Bounds(min, max));
    }

    @Test
    void thresholdMinMustBeBelowMax() {
        assertThatThrownBy(() -> temperature(5.0, 0.0)).isInstanceOf(InvalidThreshold.class)
                .hasMessageContaining("must be less than max");
    }

    @Test
    void negativeDeadbandIsRefused() {
        assertThatThrownBy(() -> new Hysteresis(-0.1, Duration.ZERO)).isInstanceOf(InvalidRule.class)
                .hasMessageContaining("deadband must be a number of 0 or more");
    }

    @Test
    void deadbandMustLeaveRoomToComeBackInRange() {
        assertThatThrownBy(() -> rule(temperature(0.0, 5.0), Duration.ZERO, new Hysteresis(2.5, Duration.ZERO)))
                .isInstanceOf(InvalidRule.class).hasMessageContaining("less than half the band from 0.0 to 5.0");
        assertThatCode(() -> rule(temperature(0.0, 5.0), Duration.ZERO, new Hysteresis(2.4, Duration.ZERO)))
                .doesNotThrowAnyException();
    }

    @Test
    void aOneSidedThresholdTakesAnyDeadband() {
        assertThatCode(() -> rule(temperature(null, -18.0), Duration.ZERO, new Hysteresis(10, Duration.ZERO)))
                .doesNotThrowAnyException();
    }

    @Test
    void durationsMustNotBeNegative() {
        assertThatThrownBy(() -> rule(temperature(0.0, 5.0), Duration.ofMinutes(-1), Hysteresis.NONE))
                .isInstanceOf(InvalidRule.class).hasMessageContaining("excursion duration must be 0 or more");
        assertThatThrownBy(() -> new Hysteresis(0, Duration.ofSeconds(-1))).isInstanceOf(InvalidRule.class)
                .hasMessageContaining("minimum restore duration must be 0 or more");
    }

    @Test
    void batteryLevelIsAPercentage() {
        assertThatThrownBy(() -> new LowBatteryCondition(101)).isInstanceOf(InvalidRule.class)
                .hasMessageContaining("percentage from 0 to 100");
        assertThatThrownBy(() -> new LowBatteryCondition(-1)).isInstanceOf(InvalidRule.class);
        assertThatCode(() -> new LowBatteryCondition(0)).doesNotThrowAnyException();
        assertThatCode(() -> new LowBatteryCondition(100)).doesNotThrowAnyException();
    }

    @Test
    void batteryDeadbandCannotReachPastAHundredPercent() {
        assertThatThrownBy(() -> rule(new LowBatteryCondition(95), Duration.ZERO, new Hysteresis(10, Duration.ZERO)))
                .isInstanceOf(InvalidRule.class).hasMessageContaining("more than 100 %");
    }

    @Test
    void offlineNeedsAPositiveSilenceAndNoDeadband() {
        assertThatThrownBy(() -> new OfflineCondition(Duration.ZERO)).isInstanceOf(InvalidRule.class)
                .hasMessageContaining("positive silence");
        assertThatThrownBy(() -> rule(new OfflineCondition(Duration.ofMinutes(30)), Duration.ZERO,
                new Hysteresis(1, Duration.ZERO))).isInstanceOf(InvalidRule.class)
                .hasMessageContaining("deadband must be 0");
    }

    @Test
    void aRuleIsKeyedByKindAndMetric() {
        assertThat(temperature(0.0, 5.0).key()).isEqualTo(new RuleKey(RuleKind.THRESHOLD, Metric.TEMPERATURE_C));
        assertThat(new LowBatteryCondition(20).key()).isEqualTo(new RuleKey(RuleKind.LOW_BATTERY, Metric.BATTERY_PCT));
        assertThat(new OfflineCondition(Duration.ofMinutes(1)).key()).isEqualTo(new RuleKey(RuleKind.OFFLINE, null));
    }

    @Test
    void backInRangeMeansInsideTheDeadbandOnEachBoundedSide() {
        ThresholdCondition fridge = temperature(0.0, 5.0);
        assertThat(fridge.isBackInRange(4.5, 0.5)).isTrue();
        assertThat(fridge.isBackInRange(4.6, 0.5)).isFalse();
        assertThat(fridge.isBackInRange(0.5, 0.5)).isTrue();
        assertThat(fridge.isBackInRange(0.4, 0.5)).isFalse();
        assertThat(new LowBatteryCondition(20).isBackInRange(25, 5)).isTrue();
        assertThat(new LowBatteryCondition(20).isBackInRange(24, 5)).isFalse();
    }
}
