package dev.frostline.alert.notification;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code initial} doubling after every failed attempt up to
 * {@code max}, stretched by a random jitter of up to {@code jitter} (0.2: up to 20 % longer), so
 * deliveries that failed together (an endpoint that was down) do not all come back at once. After
 * {@code maxAttempts} failed attempts the delivery is dead-lettered.
 */
public record RetryBackoff(Duration initial, Duration max, double jitter, int maxAttempts) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * @param failedAttempts attempts made so far, all failed (at least 1)
     * @param random a uniform value in [0, 1), the jitter's draw
     */
    public Duration delayAfter(int failedAttempts, double random) {
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        return delay.plusMillis((long) (delay.toMillis() * jitter * random));
    }

    public boolean deadAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
