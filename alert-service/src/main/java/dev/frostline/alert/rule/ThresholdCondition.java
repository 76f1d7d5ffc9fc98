package dev.frostline.alert.rule;

import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;
import java.util.Objects;

/** A metric must stay within min and/or max (both inclusive), reusing the threshold {@link Bounds}. */
public record ThresholdCondition(Metric metric, Bounds bounds) implements ValueCondition {

    public ThresholdCondition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public RuleKey key() {
        return new RuleKey(RuleKind.THRESHOLD, metric);
    }

    @Override
    public void checkDeadband(double deadband) {
        if (bounds.min() != null && bounds.max() != null && 2 * deadband >= bounds.max() - bounds.min()) {
            throw new InvalidRule("The deadband (" + deadband + ") must be less than half the band from "
                    + bounds.min() + " to " + bounds.max() + ", or no value would count as back in range.");
        }
    }
}
