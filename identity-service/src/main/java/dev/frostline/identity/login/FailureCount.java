package dev.frostline.identity.login;

import java.time.Instant;

/**
 * The failed logins counted against one account or client address.
 *
 * @param failures failures since {@code firstAt}
 * @param lockedUntil null unless the key is (or was) locked
 */
public record FailureCount(int failures, Instant firstAt, Instant lastAt, Instant lockedUntil) {

    public static FailureCount first(Instant now) {
        return new FailureCount(1, now, now, null);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
