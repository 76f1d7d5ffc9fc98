package dev.frostline.support.messaging;

import dev.frostline.contracts.events.AlertEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link AlertEvent} JSON from Kafka; referenced by name in channel configuration. */
public class AlertEventDeserializer extends ObjectMapperDeserializer<AlertEvent> {
    public AlertEventDeserializer() {
        super(AlertEvent.class);
    }
}
