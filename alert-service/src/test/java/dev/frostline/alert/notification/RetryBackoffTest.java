package dev.frostline.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 0.2, 4);

    @Test
    void delayDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(backoff.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(2, 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(3, 0)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delayAfter(6, 0)).isEqualTo(Duration.ofSeconds(300));
        assertThat(backoff.delayAfter(60, 0)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void jitterStretchesTheDelayByUpToItsFraction() {
        assertThat(backoff.delayAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(22));
        assertThat(backoff.delayAfter(2, 0.999_999)).isLessThan(Duration.ofSeconds(24));
        assertThat(backoff.delayAfter(60, 0.999_999)).isLessThan(Duration.ofSeconds(360));
    }

    @Test
    void deadAfterTheLastAttempt() {
        assertThat(backoff.deadAfter(3)).isFalse();
        assertThat(backoff.deadAfter(4)).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1), 0.2, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.2, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
