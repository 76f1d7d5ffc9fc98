package dev.frostline.alert.rule;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Role;
import java.time.Duration;
import java.util.UUID;

/** Short ways to write the rules tests need. */
public final class Rules {

    private Rules() {
    }

    public static AlertRule temperature(RuleScope scope, Double min, Double max) {
        return new AlertRule(UUID.randomUUID(), scope, new ThresholdCondition(Metric.TEMPERATURE_C, new Bounds(min, max)),
                Duration.ofMinutes(10), Hysteresis.NONE, Severity.WARNING, EscalationPolicy.notifyOnce(Role.STAFF));
    }

    public static AlertRule offline(RuleScope scope, Duration silence) {
        return new AlertRule(UUID.randomUUID(), scope, new OfflineCondition(silence), Duration.ZERO, Hysteresis.NONE,
                Severity.WARNING, EscalationPolicy.notifyOnce(Role.STAFF));
    }

    public static AlertRule lowBattery(RuleScope scope, double belowPercent) {
        return new AlertRule(UUID.randomUUID(), scope, new LowBatteryCondition(belowPercent), Duration.ZERO,
                Hysteresis.NONE, Severity.WARNING, EscalationPolicy.notifyOnce(Role.STAFF));
    }
}
