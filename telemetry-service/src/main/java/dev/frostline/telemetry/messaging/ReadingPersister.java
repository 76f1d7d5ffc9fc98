package dev.frostline.telemetry.messaging;

import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.support.messaging.CommittedBatchMeters;
import dev.frostline.support.messaging.StoreRetry;
import dev.frostline.telemetry.reading.Reading;
import dev.frostline.telemetry.repository.ReadingBatchWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores the readings topic in PostgreSQL, a polled batch at a time: one multi-row insert and the
 * sensors' status, in one transaction. The returned Uni completes only after that transaction
 * committed, and only then does the connector's throttled commit strategy let the batch's offsets
 * be committed: a crash or a database outage re-delivers, never loses. Redelivery is harmless
 * because the insert ignores a known ID.
 *
 * <p>Meters: {@code frostline_telemetry_persister_batch_size_readings} (readings per stored batch) and
 * {@code frostline_telemetry_persister_lag_seconds}, per reading the time from its acceptance
 * ({@code occurredAt}, stamped by the ingest endpoint) to the commit of its batch: what a reading
 * waits in Kafka and in the batch before queries see it. Both clocks are this platform's, not a
 * device's, so a device sending old readings does not inflate it.
 */
@ApplicationScoped
public class ReadingPersister {

    private final ReadingBatchWriter writer;
    private final CommittedBatchMeters meters;

    public ReadingPersister(ReadingBatchWriter writer, MeterRegistry registry) {
        this.writer = writer;
        this.meters = new CommittedBatchMeters(registry, "frostline.telemetry.persister", "Readings", "stored");
    }

    @Incoming("readings-persister")
    public Uni<Void> persist(List<TelemetryEvent> events) {
        List<Reading> readings = new ArrayList<>(events.size());
        List<Instant> accepted = new ArrayList<>(events.size());
        for (TelemetryEvent event : events) {
            if (event == null) {
                // A record that is not a TelemetryEvent this version knows (fail-on-deserialization-failure=false).
                Log.error("skipping an unreadable record on the readings topic");
                continue;
            }
            // Java 17 has no pattern switch: every permitted case of the sealed TelemetryEvent gets a
            // branch here, and the last line fails loudly (stopping the channel) if one is forgotten.
            if (event instanceof ReadingRecorded reading) {
                readings.add(ReadingRecordedMapper.toReading(reading));
                accepted.add(reading.occurredAt());
                continue;
            }
            return Uni.createFrom().failure(new IllegalStateException(
                    "no handler for telemetry event " + event.getClass().getName()));
        }
        if (readings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return StoreRetry.untilStored(() -> writer.store(readings),
                        () -> readings.size() + " readings from " + readings.get(0).id)
                .invoke(() -> {
                    meters.batch(readings.size());
                    Instant committed = Instant.now();
                    for (Instant at : accepted) {
                        meters.lag(at, committed);
                    }
                });
    }
}
