package dev.frostline.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Puts {@link IsoInstantModule} on the application's ObjectMapper: REST bodies, and the Kafka events
 * written with it and read by the service-support deserializers. Customizers run after Quarkus
 * registered the JavaTimeModule, so this module's Instant handling is the one used.
 */
@Singleton
public class IsoInstantCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new IsoInstantModule());
    }
}
