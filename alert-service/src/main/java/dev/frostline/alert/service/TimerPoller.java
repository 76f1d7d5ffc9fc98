package dev.frostline.alert.service;

import dev.frostline.alert.config.AlertConfig;
import dev.frostline.alert.repository.EngineStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@link FiringTimers} when a timer falls due rather than on a fixed beat: a {@link TimerAlarm}
 * is armed for the earliest timer row, re-armed when a commit writes an earlier one
 * ({@link TimerDeadlineWritten}), and after each pass for the earliest row left in the table. A slow
 * poll every {@code frostline.alert.timers.poll-interval} is the safety net (rows another instance
 * wrote after this one last looked, a lost ring) and starts the offline watch of new units. One pass
 * at a time per instance; a ring during a pass runs another pass after it. Instances share the
 * work through row locks (see {@link FiringTimers}).
 */
@ApplicationScoped
public class TimerPoller {

    private final FiringTimers timers;
    private final AlertConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean passAgain = new AtomicBoolean();
    private final AtomicBoolean monitoring = new AtomicBoolean();
    private volatile TimerAlarm alarm;
    /** How long to wait before looking again at rows still due after a pass (held by a reading batch). */
    private volatile Duration stillDueDelay;
    private long pollId = -1;

    public TimerPoller(FiringTimers timers, AlertConfig config, Vertx vertx, Clock clock) {
        this.timers = timers;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.timers().enabled()) {
            return;
        }
        stillDueDelay = config.timers().retryDelay();
        alarm = new TimerAlarm(clock, new TimerAlarm.Scheduler() {
            @Override
            public long schedule(Duration delay, Runnable task) {
                // Rounded up (a ring a fraction of a millisecond early finds nothing due); Vert.x takes at least 1 ms.
                return vertx.setTimer(Math.max(1, delay.plusNanos(999_999).toMillis()), id -> task.run());
            }

            @Override
            public void cancel(long id) {
                vertx.cancelTimer(id);
            }
        }, this::pass);
        pollId = vertx.setPeriodic(config.timers().pollInterval().toMillis(), id -> {
            pass();
            if (monitoring.compareAndSet(false, true)) {
                timers.startMonitoring().subscribe().with(started -> monitoring.set(false), e -> monitoring.set(false));
            }
        });
        alarm.wakeBy(clock.instant());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (pollId >= 0) {
            vertx.cancelTimer(pollId);
        }
        if (alarm != null) {
            alarm.disarm();
        }
    }

    /** A commit wrote timer rows: make sure the alarm rings by the earliest of them. */
    void onDeadlineWritten(@Observes TimerDeadlineWritten written) {
        TimerAlarm current = alarm;
        if (current != null) {
            current.wakeBy(written.due());
        }
    }

    private void pass() {
        if (!running.compareAndSet(false, true)) {
            passAgain.set(true);
            return;
        }
        timers.fireDue()
                .chain(fired -> timers.nextTimers())
                .subscribe().with(this::passDone, e -> {
                    Log.warnf("firing timers failed, retrying: %s", e.toString());
                    passDone(new EngineStore.NextTimers(Optional.empty(), true));
                });
    }

    private void passDone(EngineStore.NextTimers next) {
        running.set(false);
        if (next.overdue()) {
            // Rows still due after a pass: their state rows were held by reading batches (which apply what
            // is due by their readings' time themselves), or the pass hit its limit. Look again soon,
            // backing off while it stays that way, up to the slow poll.
            Duration delay = stillDueDelay;
            Duration doubled = delay.multipliedBy(2);
            stillDueDelay = doubled.compareTo(config.timers().pollInterval()) > 0 ? config.timers().pollInterval() : doubled;
            alarm.wakeBy(clock.instant().plus(delay));
        } else {
            stillDueDelay = config.timers().retryDelay();
        }
        // As well, not instead: the alarm keeps the earlier of the two, so a row left due never hides
        // the next deadline.
        next.next().ifPresent(alarm::wakeBy);
        if (passAgain.getAndSet(false)) {
            pass();
        }
    }
}
