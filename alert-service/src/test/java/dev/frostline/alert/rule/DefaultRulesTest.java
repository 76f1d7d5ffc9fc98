package dev.frostline.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.threshold.Bounds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultRulesTest {

    private static ThresholdCondition temperatureOf(String unitType) {
        return DefaultRules.forUnitType(unitType).stream().map(AlertRule::condition)
                .filter(ThresholdCondition.class::isInstance).map(ThresholdCondition.class::cast).findFirst()
                .orElseThrow();
    }

    @Test
    void fridgesAndWalkInsKeepZeroToFiveDegrees() {
        assertThat(temperatureOf(DefaultRules.FRIDGE).bounds()).isEqualTo(new Bounds(0.0, 5.0));
        assertThat(temperatureOf(DefaultRules.WALK_IN).bounds()).isEqualTo(new Bounds(0.0, 5.0));
    }

    @Test
    void freezersStayAtMinusEighteenOrColder() {
        assertThat(temperatureOf(DefaultRules.FREEZER).bounds()).isEqualTo(new Bounds(null, -18.0));
    }

    @Test
    void roomsKeepFifteenToTwentyFiveDegrees() {
        assertThat(temperatureOf(DefaultRules.ROOM).bounds()).isEqualTo(new Bounds(15.0, 25.0));
    }

    @Test
    void everyTypeGoesOfflineAfterThirtyMinutesAndWarnsBelowTwentyPercentBattery() {
        for (String type : List.of(DefaultRules.FRIDGE, DefaultRules.FREEZER, DefaultRules.WALK_IN, DefaultRules.ROOM,
                "other")) {
            List<AlertRule> rules = DefaultRules.forUnitType(type);
            assertThat(rules).extracting(AlertRule::condition)
                    .contains(new OfflineCondition(Duration.ofMinutes(30)), new LowBatteryCondition(20));
            assertThat(rules).extracting(AlertRule::scope).containsOnly(new RuleScope.PlatformDefault(type));
        }
    }

    @Test
    void defaultRuleIdsAreStable() {
        assertThat(DefaultRules.forUnitType(DefaultRules.FRIDGE)).extracting(AlertRule::id)
                .isEqualTo(DefaultRules.forUnitType(DefaultRules.FRIDGE).stream().map(AlertRule::id).toList())
                .doesNotHaveDuplicates();
    }
}
