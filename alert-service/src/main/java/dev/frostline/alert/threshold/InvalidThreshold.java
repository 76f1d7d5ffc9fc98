package dev.frostline.alert.threshold;

/** A threshold that cannot exist: unknown metric, no bound, or bounds in the wrong order. */
public class InvalidThreshold extends RuntimeException {
    public InvalidThreshold(String message) {
        super(message, null, false, false);
    }
}
