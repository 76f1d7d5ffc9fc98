package dev.frostline.identity.login;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules for one kind of throttle key (accounts, client addresses). The first {@code freeFailures}
 * failures within the window cost nothing; after failure n >= free, the next attempt must wait
 * {@code backoffBase * 2^(n - free)} (capped) after the last failure; at {@code maxFailures} the key
 * is locked for {@code lockout}. A lock that has run out, or a window that has passed, starts the
 * count over. Successful logins are never delayed by the policy itself: only a key that failed
 * recently is.
 */
public record LoginThrottlePolicy(int freeFailures, int maxFailures, Duration backoffBase, Duration backoffMax,
        Duration window, Duration lockout) {

    public LoginThrottlePolicy {
        if (freeFailures < 0 || maxFailures < 1 || freeFailures > maxFailures) {
            throw new IllegalArgumentException("need 0 <= freeFailures <= maxFailures and maxFailures >= 1");
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || backoffBase.isNegative()
                || backoffMax.isNegative()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /** A policy that never backs off, only locks: for client addresses, where many users may share one. */
    public static LoginThrottlePolicy lockOnly(int maxFailures, Duration window, Duration lockout) {
        return new LoginThrottlePolicy(maxFailures, maxFailures, Duration.ZERO, Duration.ZERO, window, lockout);
    }

    /** @param count null when the key has no failures on record */
    public LoginVerdict check(FailureCount count, Instant now) {
        if (count == null || isOver(count, now)) {
            return LoginVerdict.ALLOWED;
        }
        if (count.lockedAt(now)) {
            return new LoginVerdict.Throttled(Duration.between(now, count.lockedUntil()));
        }
        if (count.failures() < freeFailures) {
            return LoginVerdict.ALLOWED;
        }
        Instant earliest = count.lastAt().plus(backoff(count.failures()));
        return now.isBefore(earliest) ? new LoginVerdict.Throttled(Duration.between(now, earliest)) : LoginVerdict.ALLOWED;
    }

    /** The count after one more failure at {@code now}; locks the key when it reaches the limit. */
    public FailureCount afterFailure(FailureCount count, Instant now) {
        FailureCount next = count == null || isOver(count, now)
                ? FailureCount.first(now)
                : new FailureCount(count.failures() + 1, count.firstAt(), now, count.lockedUntil());
        if (next.failures() >= maxFailures && !next.lockedAt(now)) {
            return new FailureCount(next.failures(), next.firstAt(), now, now.plus(lockout));
        }
        return next;
    }

    /** True when {@code after} is locked and {@code before} was not: the failure that locked the key. */
    public static boolean newlyLocked(FailureCount before, FailureCount after, Instant now) {
        return after.lockedAt(now) && (before == null || !before.lockedAt(now));
    }

    /** A count whose lock ran out, or whose window passed, no longer counts. */
    public boolean isOver(FailureCount count, Instant now) {
        if (count.lockedUntil() != null) {
            return !now.isBefore(count.lockedUntil());
        }
        return !count.firstAt().isAfter(now.minus(window));
    }

    /** When a stored count can be deleted because it cannot matter any more. */
    public Instant forgetBefore(Instant now) {
        return now.minus(window.compareTo(lockout) >= 0 ? window : lockout);
    }

    Duration backoff(int failures) {
        int doublings = Math.min(failures - freeFailures, 30);
        Duration wait = backoffBase.multipliedBy(1L << Math.max(0, doublings));
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
