package dev.frostline.alert.service;

import dev.frostline.alert.config.AlertConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls {@link FiringTimers} every {@code frostline.alert.timers.poll-interval} (a Vert.x timer: the
 * scheduler does not go below a second, and the work is non-blocking). One poll at a time per
 * instance; instances share the work through row locks.
 */
@ApplicationScoped
public class TimerPoller {

    private final FiringTimers timers;
    private final AlertConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timerId = -1;

    public TimerPoller(FiringTimers timers, AlertConfig config, Vertx vertx) {
        this.timers = timers;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.timers().enabled()) {
            timerId = vertx.setPeriodic(config.timers().pollInterval().toMillis(), id -> poll());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        timers.fireDue()
                .chain(fired -> timers.startMonitoring())
                .subscribe().with(ignored -> running.set(false), e -> {
                    running.set(false);
                    Log.warnf("firing timers failed, the next poll retries: %s", e.toString());
                });
    }
}
