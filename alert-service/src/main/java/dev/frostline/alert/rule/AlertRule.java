package dev.frostline.alert.rule;

import dev.frostline.alert.escalation.EscalationPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert rule: what it watches, for which units, and how patiently.
 *
 * @param excursionDuration how long the unit must be out of range before the excursion becomes an
 *        alarm; zero alarms at once
 * @param hysteresis how firmly it must come back before the alarm is restored
 */
public record AlertRule(
        UUID id,
        RuleScope scope,
        RuleCondition condition,
        Duration excursionDuration,
        Hysteresis hysteresis,
        Severity severity,
        EscalationPolicy escalation) {

    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(hysteresis, "hysteresis");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(escalation, "escalation");
        if (excursionDuration == null || excursionDuration.isNegative()) {
            throw new InvalidRule("The excursion duration must be 0 or more, not " + excursionDuration + ".");
        }
        condition.checkDeadband(hysteresis.deadband());
    }

    public RuleKey key() {
        return condition.key();
    }
}
