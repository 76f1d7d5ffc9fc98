package dev.frostline.alert.rule;

import dev.frostline.alert.threshold.Bounds;

/** A condition on the value of one metric: out of range means outside {@link #bounds()}. */
public sealed interface ValueCondition extends RuleCondition permits ThresholdCondition, LowBatteryCondition {

    Bounds bounds();

    /**
     * Whether a value counts as back in range: inside the bounds narrowed by the deadband on each
     * bounded side ({@code value <= max - deadband}, {@code value >= min + deadband}). Between the
     * threshold and the deadband a value is neither out nor back, which is what stops flapping.
     */
    default boolean isBackInRange(double value, double deadband) {
        Bounds bounds = bounds();
        return (bounds.min() == null || value >= bounds.min() + deadband)
                && (bounds.max() == null || value <= bounds.max() - deadband);
    }
}
