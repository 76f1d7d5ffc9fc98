package dev.frostline.support.messaging;

import dev.frostline.contracts.events.ApiKeyState;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link ApiKeyState} JSON from Kafka; referenced by name in channel configuration. */
public class ApiKeyStateDeserializer extends ObjectMapperDeserializer<ApiKeyState> {
    public ApiKeyStateDeserializer() {
        super(ApiKeyState.class);
    }
}
