package dev.frostline.telemetry.messaging;

import dev.frostline.telemetry.config.TelemetryConfig;
import dev.frostline.telemetry.reading.ReadingPartitions;
import dev.frostline.telemetry.repository.ReadingPartitionStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Keeps the monthly partitions of {@code readings} ahead of time and drops those past the
 * retention ({@code frostline.telemetry.retention}): at start and then every check interval. Every
 * instance runs it; the store serializes them, and each run is idempotent.
 */
@ApplicationScoped
public class ReadingPartitionMaintenance {

    private final ReadingPartitionStore store;
    private final ReadingPartitions partitions;

    public ReadingPartitionMaintenance(ReadingPartitionStore store, TelemetryConfig config) {
        this.store = store;
        this.partitions = new ReadingPartitions(config.retention(), config.partitions().monthsAhead());
    }

    void onStart(@Observes StartupEvent started) {
        maintain().subscribe().with(ignored -> { }, e -> { });
    }

    @Scheduled(every = "${frostline.telemetry.partitions.check-interval}", delayed = "${frostline.telemetry.partitions.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> maintain() {
        Instant now = Instant.now();
        return store.maintain(partitions.wanted(now), existing -> partitions.expired(existing, now))
                .invoke(change -> {
                    if (!change.created().isEmpty() || !change.dropped().isEmpty()) {
                        Log.infof("readings partitions: created %s, dropped %s", change.created(), change.dropped());
                    }
                })
                .replaceWithVoid()
                // A failed run is retried at the next interval; until then the default partition takes
                // readings of a month without one.
                .onFailure().recoverWithUni(e -> {
                    Log.errorf("could not maintain the readings partitions, retrying at the next interval: %s",
                            e.toString());
                    return Uni.createFrom().voidItem();
                });
    }
}
