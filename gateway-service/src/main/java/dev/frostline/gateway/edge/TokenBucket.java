package dev.frostline.gateway.edge;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at
 * {@code refillPerSecond}; each request takes one. Time is passed in (nanoseconds from any fixed
 * origin, as {@link System#nanoTime()}), so the arithmetic is testable without waiting.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedAt;
    private long lastUsed;

    public TokenBucket(double capacity, double refillPerSecond, long now) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and refill > 0");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedAt = now;
        this.lastUsed = now;
    }

    /** Takes a token if there is one; otherwise says how long until there will be. */
    public synchronized Decision tryTake(long now) {
        refill(now);
        lastUsed = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Decision.ALLOWED;
        }
        double waitNanos = (1 - tokens) / refillPerNano;
        return Decision.refused((long) Math.ceil(waitNanos / NANOS_PER_SECOND));
    }

    /** Unused for {@code idleNanos} and full again: dropping it changes nothing for its client. */
    public synchronized boolean isIdle(long now, long idleNanos) {
        refill(now);
        return tokens >= capacity && now - lastUsed >= idleNanos;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
            updatedAt = now;
        }
    }

    /** Whether a request may pass, and if not, the Retry-After in whole seconds (rounded up, at least 1). */
    public record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, 0);

        static Decision refused(long retryAfterSeconds) {
            return new Decision(false, Math.max(1, retryAfterSeconds));
        }
    }
}
