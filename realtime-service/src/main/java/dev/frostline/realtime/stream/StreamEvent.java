package dev.frostline.realtime.stream;

import dev.frostline.contracts.events.PlatformEvent;
import java.util.Objects;

/**
 * An event as read from Kafka: where it is in the log and when it was logged (the record timestamp,
 * in epoch milliseconds), which is where delivery latency is measured from and what a resume across
 * partitions orders by.
 */
public record StreamEvent(EventId id, long timestamp, PlatformEvent event) {
    public StreamEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }
}
