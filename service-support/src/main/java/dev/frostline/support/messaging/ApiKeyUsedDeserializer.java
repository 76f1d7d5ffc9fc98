package dev.frostline.support.messaging;

import dev.frostline.contracts.events.ApiKeyUsed;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link ApiKeyUsed} JSON from Kafka; referenced by name in channel configuration. */
public class ApiKeyUsedDeserializer extends ObjectMapperDeserializer<ApiKeyUsed> {
    public ApiKeyUsedDeserializer() {
        super(ApiKeyUsed.class);
    }
}
