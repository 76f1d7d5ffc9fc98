package dev.frostline.alert.rule;

import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;

/** The battery must not fall below {@code belowPercent}; a reading of exactly that level is still fine. */
public record LowBatteryCondition(double belowPercent) implements ValueCondition {

    public LowBatteryCondition {
        if (!Double.isFinite(belowPercent) || belowPercent < 0 || belowPercent > 100) {
            throw new InvalidRule("The low battery level must be a percentage from 0 to 100, not " + belowPercent
                    + ".");
        }
    }

    @Override
    public Bounds bounds() {
        return new Bounds(belowPercent, null);
    }

    @Override
    public RuleKey key() {
        return new RuleKey(RuleKind.LOW_BATTERY, Metric.BATTERY_PCT);
    }

    @Override
    public void checkDeadband(double deadband) {
        if (belowPercent + deadband > 100) {
            throw new InvalidRule("The deadband (" + deadband + ") on a low battery level of " + belowPercent
                    + " % would need more than 100 % to count as recovered.");
        }
    }
}
