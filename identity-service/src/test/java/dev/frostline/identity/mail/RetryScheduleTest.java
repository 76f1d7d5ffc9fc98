package dev.frostline.identity.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(15), 12);

    @Test
    void delayDoublesFromTheInitialOneAfterEachFailure() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.delayAfter(8)).isEqualTo(Duration.ofSeconds(640));
    }

    @Test
    void delayIsCappedAtTheMaximumHoweverManyFailures() {
        assertThat(schedule.delayAfter(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void givesUpOnlyOnceTheLastAttemptFailed() {
        assertThat(schedule.givesUpAfter(11)).isFalse();
        assertThat(schedule.givesUpAfter(12)).isTrue();
        assertThat(schedule.givesUpAfter(13)).isTrue();
    }

    @Test
    void nonsensicalSchedulesAreRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
