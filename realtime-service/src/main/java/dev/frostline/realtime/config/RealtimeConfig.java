package dev.frostline.realtime.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** realtime-service's own settings; application.properties reads each from the environment (.env.example). */
@ConfigMapping(prefix = "frostline.realtime")
public interface RealtimeConfig {

    /**
     * Frames a connection may have queued but not yet written to its socket. A client that lets more pile
     * up is disconnected with 4008, so one slow reader never holds memory or delays anyone else.
     */
    int outboundBufferFrames();

    /** Subscriptions one connection may hold at a time. */
    int maxSubscriptions();

    /** A connection that sends nothing, not even a pong to the server's pings, this long is closed with 4002. */
    Duration idleTimeout();

    Resume resume();

    interface Resume {
        /**
         * Most Kafka records one resume may read (all of its channel's partitions together). Further back
         * than that, the client is told resume-too-old and reloads through REST instead.
         */
        long maxRecords();

        /** Threads running resumes: each holds a short-lived Kafka consumer, blocking, off the event loops. */
        int threads();

        /** Resumes waiting for a thread; beyond it a subscribe is refused with resume-unavailable. */
        int queue();

        /** Longest a resume may take before it is given up with resume-unavailable. */
        Duration timeout();
    }
}
