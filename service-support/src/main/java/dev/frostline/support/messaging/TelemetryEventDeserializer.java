package dev.frostline.support.messaging;

import dev.frostline.contracts.events.TelemetryEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link TelemetryEvent} JSON from Kafka; referenced by name in channel configuration. */
public class TelemetryEventDeserializer extends ObjectMapperDeserializer<TelemetryEvent> {
    public TelemetryEventDeserializer() {
        super(TelemetryEvent.class);
    }
}
