package dev.frostline.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The alarm on a clock the test moves and a scheduler the test runs by hand: no real time passes. */
class TimerAlarmTest {

    /** Records what was scheduled; the test rings a timer by running its task. */
    private static final class HandScheduler implements TimerAlarm.Scheduler {
        record Scheduled(long id, Duration delay, Runnable task) {
        }

        final List<Scheduled> scheduled = new ArrayList<>();
        final Set<Long> cancelled = new HashSet<>();

        @Override
        public long schedule(Duration delay, Runnable task) {
            Scheduled s = new Scheduled(scheduled.size(), delay, task);
            scheduled.add(s);
            return s.id();
        }

        @Override
        public void cancel(long id) {
            cancelled.add(id);
        }

        List<Scheduled> live() {
            return scheduled.stream().filter(s -> !cancelled.contains(s.id())).toList();
        }

        Scheduled last() {
            return scheduled.get(scheduled.size() - 1);
        }
    }

    private final TestClock clock = new TestClock();
    private final HandScheduler scheduler = new HandScheduler();
    private int passes;
    private final TimerAlarm alarm = new TimerAlarm(clock, scheduler, () -> passes++);

    @Test
    void armsForTheDeadlineItIsToldOf() {
        Instant due = clock.instant().plusSeconds(10);
        alarm.wakeBy(due);

        assertThat(scheduler.live()).singleElement().extracting(HandScheduler.Scheduled::delay)
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(alarm.armedFor()).isEqualTo(due);
    }

    @Test
    void aLaterDeadlineLeavesTheAlarmAsItIs() {
        Instant due = clock.instant().plusSeconds(10);
        alarm.wakeBy(due);
        alarm.wakeBy(due.plusSeconds(10));
        alarm.wakeBy(due);

        assertThat(scheduler.scheduled).hasSize(1);
        assertThat(scheduler.cancelled).isEmpty();
        assertThat(alarm.armedFor()).isEqualTo(due);
    }

    @Test
    void anEarlierDeadlineReArmsIt() {
        alarm.wakeBy(clock.instant().plusSeconds(10));
        Instant earlier = clock.instant().plusSeconds(3);
        alarm.wakeBy(earlier);

        assertThat(scheduler.live()).singleElement().extracting(HandScheduler.Scheduled::delay)
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(alarm.armedFor()).isEqualTo(earlier);
    }

    @Test
    void theDelayIsMeasuredOnTheInjectedClock() {
        Instant due = clock.instant().plusSeconds(60);
        clock.advance(Duration.ofSeconds(45));
        alarm.wakeBy(due);

        assertThat(scheduler.last().delay()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aDeadlineThatHasPassedRingsAtOnce() {
        alarm.wakeBy(clock.instant().minusSeconds(5));

        assertThat(scheduler.last().delay()).isEqualTo(Duration.ZERO);
    }

    @Test
    void ringingDisarmsItAndRunsOnePassThenANewDeadlineArmsItAgain() {
        alarm.wakeBy(clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        scheduler.last().task().run();

        assertThat(passes).isEqualTo(1);
        assertThat(alarm.armedFor()).isNull();

        // Disarmed, so even a later deadline than the one that rang arms it.
        Instant next = clock.instant().plusSeconds(30);
        alarm.wakeBy(next);
        assertThat(alarm.armedFor()).isEqualTo(next);
        assertThat(scheduler.last().delay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aReplacedTimerThatRingsAnywayRunsNoPass() {
        alarm.wakeBy(clock.instant().plusSeconds(10));
        Runnable replaced = scheduler.last().task();
        alarm.wakeBy(clock.instant().plusSeconds(3));
        Runnable current = scheduler.last().task();

        // Its cancel came too late: it rings after all.
        replaced.run();
        assertThat(passes).isZero();
        assertThat(alarm.armedFor()).isEqualTo(clock.instant().plusSeconds(3));

        current.run();
        assertThat(passes).isEqualTo(1);
    }

    @Test
    void aDisarmedAlarmNeverRings() {
        alarm.wakeBy(clock.instant().plusSeconds(10));
        Runnable armed = scheduler.last().task();
        alarm.disarm();

        armed.run();
        assertThat(passes).isZero();
        assertThat(scheduler.live()).isEmpty();
    }
}
