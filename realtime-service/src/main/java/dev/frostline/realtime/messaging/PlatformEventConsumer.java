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
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    // Returning Uni keeps these on the consumer's event loop: the fan-out only queues writes.
    @Incoming("readings")
    public Uni<Void> onTelemetry(ConsumerRecord<String, TelemetryEvent> record) {
        return deliver(record, record.value());
    }

    @Incoming("alerts")
    public Uni<Void> onAlert(ConsumerRecord<String, AlertEvent> record) {
        return deliver(record, record.value());
    }

    @Incoming("catalog-changes")
    public Uni<Void> onCatalogChange(ConsumerRecord<String, CatalogChanged> record) {
        return deliver(record, record.value());
    }

    private Uni<Void> deliver(ConsumerRecord<String, ?> record, PlatformEvent event) {
        if (event == null) {
            // The deserializer could not read the record (fail-on-deserialization-failure=false): skip it.
            return Uni.createFrom().voidItem();
        }
        StreamEvent streamEvent = streamEvent(record, event);
        int subscriptions = fanout.publish(streamEvent);
        Log.debugf("event %s of org %s queued for %d subscriptions", streamEvent.id(), event.orgId(), subscriptions);
        return Uni.createFrom().voidItem();
    }

    /** The one place a Kafka record becomes a {@link StreamEvent}: live delivery and replays both use it. */
    public static StreamEvent streamEvent(ConsumerRecord<?, ?> record, PlatformEvent event) {
        EventId id = new EventId(SourceTopic.ofTopic(record.topic()), record.partition(), record.offset());
        return new StreamEvent(id, record.timestamp(), event);
    }
}
