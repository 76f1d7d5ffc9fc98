package dev.frostline.realtime.fanout;

import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.stream.StreamEvent;
import java.util.UUID;

/**
 * What a client receives for one event on one channel. {@code eventId} is the Kafka position
 * ({@link dev.frostline.realtime.stream.EventId}) a client resumes from; {@code data} is the event record as
 * published on Kafka, minus its {@code type} tag, which is {@code eventType} here (data keeps the event's own
 * UUID as {@code data.eventId}).
 */
public record EventFrame(String type, String channel, String eventType, String eventId, UUID orgId, Object data) {

    public static final String TYPE = "event";

    public static EventFrame of(Channel channel, StreamEvent event) {
        return new EventFrame(TYPE, channel.toString(), EventTypes.of(event.event()), event.id().toString(),
                event.event().orgId(), event.event());
    }
}
