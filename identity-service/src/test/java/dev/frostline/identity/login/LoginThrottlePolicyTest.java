package dev.frostline.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(3, 10, Duration.ofSeconds(1),
            Duration.ofSeconds(60), WINDOW, LOCKOUT);
    private final Instant start = Instant.parse("2026-01-01T10:00:00Z");

    private FailureCount failures(int n, Instant at) {
        FailureCount count = null;
        for (int i = 0; i < n; i++) {
            count = policy.afterFailure(count, at);
        }
        return count;
    }

    @Test
    void noFailuresOnRecordIsAllowed() {
        assertThat(policy.check(null, start)).isEqualTo(LoginVerdict.ALLOWED);
    }

    @Test
    void theFreeFailuresCostNothing() {
        assertThat(policy.check(failures(2, start), start)).isEqualTo(LoginVerdict.ALLOWED);
    }

    @Test
    void afterTheFreeFailuresTheWaitDoublesWithEachFailure() {
        assertThat(policy.check(failures(3, start), start)).isEqualTo(new LoginVerdict.Throttled(Duration.ofSeconds(1)));
        assertThat(policy.check(failures(4, start), start)).isEqualTo(new LoginVerdict.Throttled(Duration.ofSeconds(2)));
        assertThat(policy.check(failures(6, start), start)).isEqualTo(new LoginVerdict.Throttled(Duration.ofSeconds(8)));
    }

    @Test
    void theWaitIsCountedFromTheLastFailureAndEnds() {
        FailureCount four = failures(4, start);
        assertThat(policy.check(four, start.plusMillis(1500)))
                .isEqualTo(new LoginVerdict.Throttled(Duration.ofMillis(500)));
        assertThat(policy.check(four, start.plusSeconds(2))).isEqualTo(LoginVerdict.ALLOWED);
    }

    @Test
    void theWaitIsCapped() {
        LoginThrottlePolicy lenient = new LoginThrottlePolicy(0, 100, Duration.ofSeconds(1), Duration.ofSeconds(60),
                WINDOW, LOCKOUT);
        FailureCount many = null;
        for (int i = 0; i < 40; i++) {
            many = lenient.afterFailure(many, start);
        }
        assertThat(lenient.check(many, start)).isEqualTo(new LoginVerdict.Throttled(Duration.ofSeconds(60)));
    }

    @Test
    void theMaxFailureLocksForTheLockoutEvenAfterTheBackoff() {
        FailureCount nine = failures(9, start);
        assertThat(nine.lockedUntil()).isNull();
        FailureCount ten = policy.afterFailure(nine, start.plusSeconds(100));
        assertThat(ten.lockedUntil()).isEqualTo(start.plusSeconds(100).plus(LOCKOUT));
        assertThat(LoginThrottlePolicy.newlyLocked(nine, ten, start.plusSeconds(100))).isTrue();

        Instant later = start.plusSeconds(100).plus(Duration.ofMinutes(10));
        assertThat(policy.check(ten, later)).isEqualTo(new LoginVerdict.Throttled(Duration.ofMinutes(5)));
    }

    @Test
    void aLockThatRanOutStartsTheCountOver() {
        FailureCount locked = failures(10, start);
        Instant after = start.plus(LOCKOUT);
        assertThat(policy.check(locked, after)).isEqualTo(LoginVerdict.ALLOWED);
        assertThat(policy.afterFailure(locked, after)).isEqualTo(FailureCount.first(after));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        FailureCount five = failures(5, start);
        Instant later = start.plus(WINDOW);
        assertThat(policy.check(five, later)).isEqualTo(LoginVerdict.ALLOWED);
        assertThat(policy.afterFailure(five, later).failures()).isEqualTo(1);
    }

    @Test
    void aLockOnlyPolicyNeverBacksOffBeforeItsLimit() {
        LoginThrottlePolicy addresses = LoginThrottlePolicy.lockOnly(50, WINDOW, LOCKOUT);
        FailureCount count = null;
        for (int i = 0; i < 49; i++) {
            count = addresses.afterFailure(count, start);
            assertThat(addresses.check(count, start)).isEqualTo(LoginVerdict.ALLOWED);
        }
        count = addresses.afterFailure(count, start);
        assertThat(addresses.check(count, start)).isEqualTo(new LoginVerdict.Throttled(LOCKOUT));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(new LoginVerdict.Throttled(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new LoginVerdict.Throttled(Duration.ofMillis(1500)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new LoginVerdict.Throttled(Duration.ofSeconds(900)).retryAfterSeconds()).isEqualTo(900);
    }

    @Test
    void theLongerWaitWins() {
        LoginVerdict shortWait = new LoginVerdict.Throttled(Duration.ofSeconds(1));
        LoginVerdict longWait = new LoginVerdict.Throttled(Duration.ofSeconds(9));
        assertThat(LoginVerdict.strictest(shortWait, longWait)).isEqualTo(longWait);
        assertThat(LoginVerdict.strictest(LoginVerdict.ALLOWED, shortWait)).isEqualTo(shortWait);
        assertThat(LoginVerdict.strictest(LoginVerdict.ALLOWED, LoginVerdict.ALLOWED)).isEqualTo(LoginVerdict.ALLOWED);
    }

    @Test
    void inconsistentLimitsAreRefused() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(11, 10, Duration.ofSeconds(1), Duration.ofSeconds(1),
                WINDOW, LOCKOUT)).isInstanceOf(IllegalArgumentException.class);
    }
}
