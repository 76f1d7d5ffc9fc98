package dev.frostline.alert.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * ONE in-process timer, armed for the earliest deadline it has been told of: a timer row this
 * instance committed, or the earliest row in the table after a pass (which covers rows other
 * instances wrote). Telling it of a later deadline changes nothing; an earlier one re-arms it. When
 * it rings it is disarmed and runs {@code onDue} (a pass over the due rows, which tells it the next
 * deadline). It decides only <em>when</em> to look; claiming the rows (FOR UPDATE SKIP LOCKED) is
 * what keeps a timer from firing twice, so a spurious or early ring is harmless.
 */
final class TimerAlarm {

    /** Runs a task after a delay; Vert.x timers in production, a hand-driven fake in tests. */
    interface Scheduler {
        long schedule(Duration delay, Runnable task);

        void cancel(long id);
    }

    private final Clock clock;
    private final Scheduler scheduler;
    private final Runnable onDue;
    private Instant armedFor;
    private long scheduled = -1;
    /** Tells a ring of a timer that was re-armed meanwhile (its cancel came too late) from the current one. */
    private long arming;

    TimerAlarm(Clock clock, Scheduler scheduler, Runnable onDue) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.onDue = onDue;
    }

    /** Rings at {@code due} at the latest (at once if it has passed). */
    synchronized void wakeBy(Instant due) {
        if (armedFor != null && !due.isBefore(armedFor)) {
            return;
        }
        if (scheduled >= 0) {
            scheduler.cancel(scheduled);
        }
        armedFor = due;
        long token = ++arming;
        Duration delay = Duration.between(clock.instant(), due);
        scheduled = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> ring(token));
    }

    /** The deadline it is armed for, or null when disarmed. */
    synchronized Instant armedFor() {
        return armedFor;
    }

    synchronized void disarm() {
        if (scheduled >= 0) {
            scheduler.cancel(scheduled);
        }
        scheduled = -1;
        armedFor = null;
        arming++;
    }

    private void ring(long token) {
        synchronized (this) {
            if (token != arming) {
                return;
            }
            armedFor = null;
            scheduled = -1;
        }
        onDue.run();
    }
}
