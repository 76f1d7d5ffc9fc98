package dev.frostline.alert.threshold;

/**
 * The range a metric must stay in. Either side may be open (null), never both. The bounds
 * themselves are inside: a reading exactly on min or max is fine.
 */
public record Bounds(Double min, Double max) {

    public Bounds {
        if (min == null && max == null) {
            throw new InvalidThreshold("Give at least one of min and max.");
        }
        if ((min != null && !Double.isFinite(min)) || (max != null && !Double.isFinite(max))) {
            throw new InvalidThreshold("min and max must be finite numbers.");
        }
        if (min != null && max != null && min >= max) {
            throw new InvalidThreshold("min (" + min + ") must be less than max (" + max + ").");
        }
    }

    public boolean contains(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    /** How far the value lies outside the range; 0 inside. Peaks are compared by it. */
    public double distanceOutside(double value) {
        if (min != null && value < min) {
            return min - value;
        }
        if (max != null && value > max) {
            return value - max;
        }
        return 0;
    }
}
