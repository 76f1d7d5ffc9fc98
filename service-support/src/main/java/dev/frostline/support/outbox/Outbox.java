package dev.frostline.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Records an event to publish. Enabled by the build property {@code frostline.outbox.enabled=true};
 * the service then needs the {@code outbox} table in its schema.
 * Call it inside the transaction that makes the change: the event is
 * then published if and only if the change commits, and survives a Kafka outage or a crash.
 */
@ApplicationScoped
@IfBuildProperty(name = "frostline.outbox.enabled", stringValue = "true")
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxRelay relay;

    public Outbox(ObjectMapper mapper, OutboxRelay relay) {
        this.mapper = mapper;
        this.relay = relay;
    }

    public Uni<Void> enqueue(String topic, String key, Object event) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.recordKey = key;
        message.createdAt = Instant.now();
        try {
            message.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serializable: " + event, e));
        }
        relay.wakeUp();
        return message.persist().replaceWithVoid();
    }
}
