package dev.frostline.realtime.fanout;

import java.util.UUID;

/**
 * One live client connection as the fan-out sees it: which org it may see, and how to queue frames for it.
 * Nothing here may block: the fan-out calls it on the Kafka consumer's thread for every subscriber.
 */
public interface Client {

    /** Stable for the life of the connection; used in logs. */
    String id();

    /** The only org whose events this client receives. */
    UUID orgId();

    boolean isOpen();

    /**
     * Queues a frame for writing. A client whose outbound buffer is full is disconnected as a slow
     * consumer instead, and the frame is dropped.
     *
     * @param eventTimestamp the event's Kafka timestamp (epoch ms), for the delivery latency; 0 for control frames
     */
    void offer(String frame, long eventTimestamp);

    /** Disconnects the client as a slow consumer (4008): it fell further behind than its buffer allows. */
    void disconnectAsSlow();
}
