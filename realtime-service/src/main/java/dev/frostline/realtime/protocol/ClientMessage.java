package dev.frostline.realtime.protocol;

import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.stream.EventId;

/** What a client may send: subscribe, unsubscribe, ping. {@link ClientMessageParser} reads them. */
public sealed interface ClientMessage {

    /** @param lastEventId the last event the client saw on this channel, to resume after; null for live only */
    record Subscribe(String id, Channel channel, EventId lastEventId) implements ClientMessage {
    }

    record Unsubscribe(String id) implements ClientMessage {
    }

    record Ping() implements ClientMessage {
    }
}
