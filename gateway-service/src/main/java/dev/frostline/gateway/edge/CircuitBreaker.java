package dev.frostline.gateway.edge;

/**
 * The breaker of one upstream. Closed: requests pass; {@code threshold} consecutive failures, each
 * within {@code window} of the first, open it. Open: requests are refused at once for
 * {@code openNanos}. Then half-open: exactly one probe passes; its success closes the breaker, its
 * failure opens it again. Time is passed in (nanoseconds, as {@link System#nanoTime()}).
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long windowNanos;
    private final long openNanos;

    private State state = State.CLOSED;
    private int failures;
    private long firstFailureAt;
    private long openUntil;
    private boolean probeInFlight;

    public CircuitBreaker(int threshold, long windowNanos, long openNanos) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1");
        }
        this.threshold = threshold;
        this.windowNanos = windowNanos;
        this.openNanos = openNanos;
    }

    /** Whether a request may try the upstream now. Every permitted request must report back. */
    public synchronized boolean tryAcquire(long now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now - openUntil < 0) {
                    return false;
                }
                state = State.HALF_OPEN;
                probeInFlight = true;
                return true;
            case HALF_OPEN:
            default:
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        probeInFlight = false;
    }

    public synchronized void onFailure(long now) {
        if (state == State.HALF_OPEN) {
            open(now);
            return;
        }
        if (state == State.OPEN) {
            // A request let through before the breaker opened, failing late: nothing new to learn.
            return;
        }
        if (failures == 0 || now - firstFailureAt > windowNanos) {
            failures = 0;
            firstFailureAt = now;
        }
        failures++;
        if (failures >= threshold) {
            open(now);
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Nanoseconds until an open breaker lets a probe through (0 when not open). */
    public synchronized long remainingOpenNanos(long now) {
        return state == State.OPEN ? Math.max(0, openUntil - now) : 0;
    }

    private void open(long now) {
        state = State.OPEN;
        openUntil = now + openNanos;
        probeInFlight = false;
        failures = 0;
    }
}
