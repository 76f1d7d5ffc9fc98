package dev.frostline.alert.rule;

/**
 * A rule that cannot work as written: a negative duration, a percentage outside 0..100, a deadband
 * that leaves no room to come back in range. Bounds in the wrong order are the existing
 * {@link dev.frostline.alert.threshold.InvalidThreshold}.
 */
public class InvalidRule extends RuntimeException {
    public InvalidRule(String message) {
        super(message, null, false, false);
    }
}
