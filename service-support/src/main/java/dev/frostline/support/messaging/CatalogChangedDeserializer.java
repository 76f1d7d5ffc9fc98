package dev.frostline.support.messaging;

import dev.frostline.contracts.events.CatalogChanged;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link CatalogChanged} JSON from Kafka; referenced by name in channel configuration. */
public class CatalogChangedDeserializer extends ObjectMapperDeserializer<CatalogChanged> {
    public CatalogChangedDeserializer() {
        super(CatalogChanged.class);
    }
}
