package dev.frostline.support.messaging;

import dev.frostline.contracts.events.UnitState;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link UnitState} JSON from Kafka; referenced by name in channel configuration. */
public class UnitStateDeserializer extends ObjectMapperDeserializer<UnitState> {
    public UnitStateDeserializer() {
        super(UnitState.class);
    }
}
