package dev.frostline.alert.service;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every {@link TimerDeadlineWritten} of the test JVM, as {@link TimerPoller} would see it. */
@Singleton
public class DeadlineRecorder {

    private final List<Instant> dues = new CopyOnWriteArrayList<>();

    void record(@Observes TimerDeadlineWritten written) {
        dues.add(written.due());
    }

    public List<Instant> dues() {
        return List.copyOf(dues);
    }
}
