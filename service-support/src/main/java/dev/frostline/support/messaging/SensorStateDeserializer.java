package dev.frostline.support.messaging;

import dev.frostline.contracts.events.SensorState;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link SensorState} JSON from Kafka; referenced by name in channel configuration. */
public class SensorStateDeserializer extends ObjectMapperDeserializer<SensorState> {
    public SensorStateDeserializer() {
        super(SensorState.class);
    }
}
