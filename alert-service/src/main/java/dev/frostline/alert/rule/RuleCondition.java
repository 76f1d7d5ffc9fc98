package dev.frostline.alert.rule;

/**
 * When a unit is out of range for a rule. A closed set: thresholds and low battery judge each
 * reading's value ({@link ValueCondition}); offline judges the time since the last reading.
 */
public sealed interface RuleCondition permits ValueCondition, OfflineCondition {

    RuleKey key();

    /** Throws {@link InvalidRule} if a value could never be back in range with this deadband. */
    void checkDeadband(double deadband);
}
