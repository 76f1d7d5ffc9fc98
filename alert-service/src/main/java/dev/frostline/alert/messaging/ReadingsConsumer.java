package dev.frostline.alert.messaging;

import dev.frostline.alert.service.EvaluatingReadings;
import dev.frostline.alert.service.EvaluatingReadings.PositionedReading;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.support.messaging.StoreRetry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds each polled batch of readings to {@link EvaluatingReadings}, which evaluates it in one
 * transaction together with the partitions' processed positions. Kafka's own offsets are committed
 * only after that transaction (the returned Uni completes), but correctness does not depend on
 * them: a redelivered record is below the stored position and skipped.
 */
@ApplicationScoped
public class ReadingsConsumer {

    private final EvaluatingReadings evaluating;

    public ReadingsConsumer(EvaluatingReadings evaluating) {
        this.evaluating = evaluating;
    }

    @Incoming("readings")
    public Uni<Void> consume(ConsumerRecords<String, TelemetryEvent> records) {
        List<PositionedReading> batch = new ArrayList<>(records.count());
        String topic = null;
        for (ConsumerRecord<String, TelemetryEvent> record : records) {
            topic = record.topic();
            TelemetryEvent event = record.value();
            ReadingRecorded reading = null;
            // Java 17 has no pattern switch; ReadingRecorded is the only permitted TelemetryEvent.
            if (event instanceof ReadingRecorded r) {
                reading = r;
            } else if (event == null) {
                // Not a TelemetryEvent this version can read (fail-on-deserialization-failure=false): it
                // can never become readable, so it only moves the position on.
                Log.warnf("skipped an unreadable record at %s-%d@%d", record.topic(), record.partition(), record.offset());
            } else {
                Log.warnf("ignored telemetry event %s of unhandled type %s", event.eventId(),
                        event.getClass().getSimpleName());
            }
            batch.add(new PositionedReading(record.partition(), record.offset(), reading));
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String from = topic;
        // The partition's order matters: never skip ahead of a batch that could not be stored.
        return StoreRetry.untilStored(() -> evaluating.evaluate(from, batch),
                () -> batch.size() + " readings from " + from + "-" + batch.get(0).partition() + "@" + batch.get(0).offset());
    }
}
