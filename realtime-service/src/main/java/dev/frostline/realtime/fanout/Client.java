package dev.frostline.realtime.fanout;

import dev.frostline.realtime.protocol.OutboundFrame;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * One live client connection as the fan-out sees it: which org it may see, and how to queue frames for it.
 * Nothing here may block: the fan-out calls it for every subscriber of every event.
 */
public interface Client {

    /** Stable for the life of the connection; used in logs. */
    String id();

    /** The only org whose events this client receives. */
    UUID orgId();

    boolean isOpen();

    /**
     * Runs tasks on the thread that owns this client's socket (its event loop), in submission order. All
     * clients of one event loop return the same instance: the fan-out hands each loop its share of an event
     * in one task, and a write made on the socket's own loop goes straight to the socket instead of being
     * queued there as a task of its own.
     */
    Executor writer();

    /**
     * Queues a frame for writing. A client whose outbound buffer is full is disconnected as a slow
     * consumer instead, and the frame is dropped.
     *
     * @param eventTimestamp the event's Kafka timestamp (epoch ms), for the delivery latency; 0 for control frames
     */
    void offer(OutboundFrame frame, long eventTimestamp);

    /** Disconnects the client as a slow consumer (4008): it fell further behind than its buffer allows. */
    void disconnectAsSlow();
}
