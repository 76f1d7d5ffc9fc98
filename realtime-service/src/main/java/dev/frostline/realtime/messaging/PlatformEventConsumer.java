package dev.frostline.realtime.messaging;

import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.PlatformEvent;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.realtime.fanout.Fanout;
import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourceTopic;
import dev.frostline.realtime.stream.StreamEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the readings, alerts and catalog-changes topics to the fan-out, each event with its Kafka
 * coordinates (its event ID). Each replica consumes every partition (its own consumer group, see
 * application.properties), because its clients may belong to any org. Delivery is live: nothing here
 * waits for a client, and nothing is retried; a client that missed something resumes from Kafka.
 */
@ApplicationScoped
public class PlatformEventConsumer {

    private final Fanout fanout;

    public PlatformEventConsumer(Fanout fanout) {
        this.fanout = fanout;
    }

    // A poll at a time (batch=true in application.properties): the messaging layer's per-message work
    // (context propagation, acknowledgement) was most of this service's CPU at thousands of readings/s.
    // Returning Uni keeps these on the consumer's event loop: the fan-out only queues writes.
    @Incoming("readings")
    public Uni<Void> onTelemetry(ConsumerRecords<String, TelemetryEvent> records) {
        return deliver(records);
    }

    @Incoming("alerts")
    public Uni<Void> onAlert(ConsumerRecords<String, AlertEvent> records) {
        return deliver(records);
    }

    @Incoming("catalog-changes")
    public Uni<Void> onCatalogChange(ConsumerRecords<String, CatalogChanged> records) {
        return deliver(records);
    }

    private Uni<Void> deliver(ConsumerRecords<String, ? extends PlatformEvent> records) {
        List<StreamEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, ? extends PlatformEvent> record : records) {
            // A null value is a record the deserializer could not read (fail-on-deserialization-failure=false): skip it.
            if (record.value() != null) {
                events.add(streamEvent(record, record.value()));
            }
        }
        int deliveries = fanout.publishAll(events);
        Log.debugf("%d events queued as %d deliveries", events.size(), deliveries);
        return Uni.createFrom().voidItem();
    }

    /** The one place a Kafka record becomes a {@link StreamEvent}: live delivery and replays both use it. */
    public static StreamEvent streamEvent(ConsumerRecord<?, ?> record, PlatformEvent event) {
        EventId id = new EventId(SourceTopic.ofTopic(record.topic()), record.partition(), record.offset());
        return new StreamEvent(id, record.timestamp(), event);
    }
}
