package dev.frostline.realtime.fanout;

import dev.frostline.realtime.channel.EventRouting;
import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.realtime.stream.StreamEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * Delivers each event to the subscribers of the channels it belongs to ({@link EventRouting}), and to
 * nobody else. The frame is serialized and encoded once per channel, not per subscriber, and the same bytes
 * are queued on every subscriber. Each event loop that owns subscribers gets its share of the event in one task
 * ({@link WriterBatches}), so the writes happen on the sockets' own threads instead of each being a task
 * and a wake-up of its own; {@link #publishAll} does the same for a whole Kafka poll at once. Never blocks: each write is only queued on its connection, so a slow client
 * delays only itself, and frames reach a client in the order the consumer saw the events (a client's
 * tasks run in order on its one event loop).
 */
@ApplicationScoped
public class Fanout {

    private final SubscriptionIndex index;
    private final EventFrameWriter frames;

    public Fanout(SubscriptionIndex index, EventFrameWriter frames) {
        this.index = index;
        this.frames = frames;
    }

    /** Returns to how many subscriptions the event was queued. */
    public int publish(StreamEvent event) {
        return publishAll(List.of(event));
    }

    /**
     * Queues the events in their order, with one task per event loop for all of them; returns the
     * number of deliveries queued.
     */
    public int publishAll(List<StreamEvent> events) {
        WriterBatches batches = new WriterBatches();
        for (StreamEvent event : events) {
            route(event, batches);
        }
        return batches.handOver();
    }

    private void route(StreamEvent event, WriterBatches batches) {
        for (OrgChannel channel : EventRouting.channelsOf(event.event())) {
            Collection<Subscription> subscribers = index.subscribersOf(channel);
            if (subscribers.isEmpty()) {
                continue;
            }
            OutboundFrame frame = frames.write(channel.channel(), event);
            if (frame == null) {
                continue;
            }
            for (Subscription subscription : subscribers) {
                // A closed client leaves the index in its close callback; until then it just gets nothing.
                if (subscription.client().isOpen()) {
                    batches.add(subscription, frame, event);
                }
            }
        }
    }
}
