package dev.frostline.identity.mail;

import java.time.Duration;

/**
 * When a failed mail is tried again: the delay doubles from {@code initial} after every failed
 * attempt, capped at {@code max}; after {@code maxAttempts} failed attempts the mail is given up.
 */
public record RetrySchedule(Duration initial, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < initial <= max and maxAttempts >= 1");
        }
    }

    /** @param failedAttempts attempts made so far, all failed (at least 1) */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean givesUpAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
