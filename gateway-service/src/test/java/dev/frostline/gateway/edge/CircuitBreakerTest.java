package dev.frostline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.gateway.edge.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    static final long SECOND = 1_000_000_000L;

    final CircuitBreaker breaker = new CircuitBreaker(3, 10 * SECOND, 5 * SECOND);

    @Test
    void opensAfterThresholdConsecutiveFailuresAndRefusesWhileOpen() {
        failTimes(3, 0);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire(SECOND)).isFalse();
        assertThat(breaker.remainingOpenNanos(SECOND)).isEqualTo(4 * SECOND);
    }

    @Test
    void aSuccessResetsTheCount() {
        failTimes(2, 0);
        breaker.onSuccess();
        failTimes(2, 0);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire(0)).isTrue();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        failTimes(2, 0);
        failTimes(1, 11 * SECOND);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        failTimes(2, 12 * SECOND);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void afterTheOpenDurationExactlyOneProbePasses() {
        failTimes(3, 0);
        assertThat(breaker.tryAcquire(5 * SECOND)).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire(5 * SECOND)).isFalse();
    }

    @Test
    void successfulProbeClosesTheBreaker() {
        failTimes(3, 0);
        breaker.tryAcquire(5 * SECOND);
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire(5 * SECOND)).isTrue();
        assertThat(breaker.tryAcquire(5 * SECOND)).isTrue();
    }

    @Test
    void failedProbeOpensTheBreakerForAnotherFullDuration() {
        failTimes(3, 0);
        breaker.tryAcquire(5 * SECOND);
        breaker.onFailure(6 * SECOND);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire(10 * SECOND)).isFalse();
        assertThat(breaker.tryAcquire(11 * SECOND)).isTrue();
    }

    private void failTimes(int times, long at) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire(at)).isTrue();
            breaker.onFailure(at);
        }
    }
}
