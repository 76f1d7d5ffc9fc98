package dev.frostline.telemetry.messaging;

import dev.frostline.support.messaging.StoreRetry;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.telemetry.repository.ReadingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every {@link ReadingRecorded} of the readings topic. The returned Uni completes only after
 * the insert committed, and the connector's throttled commit strategy commits an offset only after
 * its record (and every earlier one of the partition) completed: a crash or a database outage
 * re-delivers, never loses. Redelivery is harmless because the insert ignores a known ID.
 */
@ApplicationScoped
public class ReadingPersister {

    private final ReadingRepository readings;

    public ReadingPersister(ReadingRepository readings) {
        this.readings = readings;
    }

    @Incoming("readings-persister")
    public Uni<Void> persist(TelemetryEvent event) {
        if (event == null) {
            // A record that is not a TelemetryEvent this version knows (fail-on-deserialization-failure=false).
            Log.error("skipping an unreadable record on the readings topic");
            return Uni.createFrom().voidItem();
        }
        // Java 17 has no pattern switch: every permitted case of the sealed TelemetryEvent gets a
        // branch here, and the last line fails loudly (stopping the channel) if one is forgotten.
        if (event instanceof ReadingRecorded reading) {
            return store(reading);
        }
        return Uni.createFrom().failure(new IllegalStateException(
                "no handler for telemetry event " + event.getClass().getName()));
    }

    private Uni<Void> store(ReadingRecorded event) {
        return StoreRetry.untilStored(
                () -> Panache.withTransaction(() -> readings.insertOnce(ReadingRecordedMapper.toReading(event))),
                () -> "reading " + event.eventId());
    }
}
