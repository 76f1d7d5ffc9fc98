package dev.frostline.realtime.fanout;

import dev.frostline.contracts.events.PlatformEvent;
import java.util.UUID;

/**
 * What a client receives for one event. {@code data} is the event record as published on Kafka, minus
 * its {@code type} tag, which is {@code eventType} here.
 *
 * @param channel what the client is subscribed to; today every client gets its whole org, {@code "org"}
 */
public record EventFrame(String type, String channel, String eventType, UUID eventId, UUID orgId, Object data) {

    public static final String TYPE = "event";
    public static final String ORG_CHANNEL = "org";

    public static EventFrame forOrg(PlatformEvent event) {
        return new EventFrame(TYPE, ORG_CHANNEL, EventTypes.of(event), event.eventId(), event.orgId(), event);
    }
}
