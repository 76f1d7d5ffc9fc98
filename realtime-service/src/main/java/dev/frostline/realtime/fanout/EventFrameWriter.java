package dev.frostline.realtime.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.realtime.stream.StreamEvent;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/** Serializes event frames, for live delivery and for replays alike, so both look exactly the same. */
@ApplicationScoped
public class EventFrameWriter {

    private final ObjectMapper mapper;

    public EventFrameWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The frame's JSON, or null (logged) if the event cannot be written, which then reaches nobody. */
    public OutboundFrame write(Channel channel, StreamEvent event) {
        try {
            return OutboundFrame.ofUtf8(mapper.writeValueAsBytes(EventFrame.of(channel, event)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.errorf("cannot serialize event %s for channel %s: %s", event.id(), channel, e.toString());
            return null;
        }
    }
}
