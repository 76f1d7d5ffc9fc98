package dev.frostline.telemetry.battery;

import java.util.Optional;

/**
 * The ordinary least-squares line y = intercept + slope * x through a set of points.
 *
 * <p>Computed on values centred on their means (two passes), which keeps the sums small when x is
 * a large number such as a timestamp and so avoids the cancellation of the one-pass formula.
 */
public record LeastSquaresLine(double slope, double intercept) {

    /** Empty with fewer than two points or when every x is the same (a vertical line has no slope). */
    public static Optional<LeastSquaresLine> fit(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys differ in length");
        }
        int n = xs.length;
        if (n < 2) {
            return Optional.empty();
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += xs[i];
            meanY += ys[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xs[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (ys[i] - meanY);
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        return Optional.of(new LeastSquaresLine(slope, meanY - slope * meanX));
    }

    public double valueAt(double x) {
        return intercept + slope * x;
    }

    /** Where the line reaches {@code y}; infinite for a flat line. */
    public double xAt(double y) {
        return (y - intercept) / slope;
    }
}
