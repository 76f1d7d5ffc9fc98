package dev.frostline.alert.rule;

import java.time.Duration;

/**
 * How firmly a value must come back before an alarm is restored: inside the range by at least
 * {@code deadband} (in the metric's unit), and staying there for {@code minimumRestore}.
 */
public record Hysteresis(double deadband, Duration minimumRestore) {

    public static final Hysteresis NONE = new Hysteresis(0, Duration.ZERO);

    public Hysteresis {
        if (!Double.isFinite(deadband) || deadband < 0) {
            throw new InvalidRule("The restore deadband must be a number of 0 or more, not " + deadband + ".");
        }
        if (minimumRestore == null || minimumRestore.isNegative()) {
            throw new InvalidRule("The minimum restore duration must be 0 or more, not " + minimumRestore + ".");
        }
    }
}
