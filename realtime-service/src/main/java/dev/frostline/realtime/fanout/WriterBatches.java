package dev.frostline.realtime.fanout;

import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.realtime.stream.StreamEvent;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The deliveries of a run of events (one Kafka poll), grouped by the writer (event loop) of each
 * subscriber's socket, then handed to each writer in one task: one task per event loop and poll, however
 * many events and subscribers the poll has. A server has a handful of event loops, so a writer is found
 * by a linear scan by identity. Deliveries are kept as parallel lists rather than one object each: an
 * event may go to tens of thousands of subscribers.
 */
final class WriterBatches {

    private final List<Batch> batches = new ArrayList<>(4);
    private int deliveries;

    /** Deliveries are queued in the order they are added, so a subscriber gets its events in that order. */
    void add(Subscription subscription, OutboundFrame frame, StreamEvent event) {
        batchOf(subscription.client().writer()).add(subscription, frame, event);
        deliveries++;
    }

    /** Submits each writer's task; returns how many deliveries they carry. */
    int handOver() {
        for (Batch batch : batches) {
            batch.writer.execute(batch);
        }
        return deliveries;
    }

    private Batch batchOf(Executor writer) {
        for (int i = 0; i < batches.size(); i++) {
            Batch batch = batches.get(i);
            if (batch.writer == writer) {
                return batch;
            }
        }
        Batch batch = new Batch(writer);
        batches.add(batch);
        return batch;
    }

    /** The deliveries of one writer, in the order they were added: subscription i gets frame i of event i. */
    private static final class Batch implements Runnable {
        private final Executor writer;
        private final List<Subscription> subscriptions = new ArrayList<>();
        private final List<OutboundFrame> frames = new ArrayList<>();
        private final List<StreamEvent> events = new ArrayList<>();

        Batch(Executor writer) {
            this.writer = writer;
        }

        void add(Subscription subscription, OutboundFrame frame, StreamEvent event) {
            subscriptions.add(subscription);
            frames.add(frame);
            events.add(event);
        }

        @Override
        public void run() {
            for (int i = 0; i < subscriptions.size(); i++) {
                Subscription subscription = subscriptions.get(i);
                StreamEvent event = events.get(i);
                try {
                    subscription.deliver(frames.get(i), event);
                } catch (RuntimeException e) {
                    // One broken connection must not cost the rest of the loop's subscribers their frame.
                    Log.warnf("could not queue event %s for session %s: %s", event.id(), subscription.client().id(),
                            e.toString());
                }
            }
        }
    }
}
