package dev.frostline.support.messaging;

import dev.frostline.contracts.events.MemberState;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link MemberState} JSON from Kafka; referenced by name in channel configuration. */
public class MemberStateDeserializer extends ObjectMapperDeserializer<MemberState> {
    public MemberStateDeserializer() {
        super(MemberState.class);
    }
}
