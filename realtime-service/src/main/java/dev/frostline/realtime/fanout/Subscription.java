package dev.frostline.realtime.fanout;

import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.realtime.resume.ReplayedUpTo;
import dev.frostline.realtime.stream.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One client's subscription to one channel. A subscription that resumes starts out buffering: live events
 * wait here while its replay is written, then {@link #goLive} writes those the replay did not already
 * cover, in order, and lets later ones straight through. The buffer is bounded like the socket's own.
 */
public final class Subscription {

    private final String id;
    private final OrgChannel channel;
    private final Client client;
    private final int bufferLimit;
    /** Live frames held back during a replay; null once live. Guarded by this for writers. */
    private volatile List<BufferedFrame> buffered;

    private Subscription(String id, OrgChannel channel, Client client, int bufferLimit, boolean resuming) {
        this.id = Objects.requireNonNull(id, "id");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.client = Objects.requireNonNull(client, "client");
        this.bufferLimit = bufferLimit;
        this.buffered = resuming ? new ArrayList<>() : null;
    }

    public static Subscription live(String id, OrgChannel channel, Client client) {
        return new Subscription(id, channel, client, 0, false);
    }

    public static Subscription resuming(String id, OrgChannel channel, Client client, int bufferLimit) {
        return new Subscription(id, channel, client, bufferLimit, true);
    }

    public String id() {
        return id;
    }

    public OrgChannel channel() {
        return channel;
    }

    public Client client() {
        return client;
    }

    /** @param frame the event serialized for this subscription's channel, shared by all its subscribers */
    public void deliver(OutboundFrame frame, StreamEvent event) {
        if (buffered == null) {
            client.offer(frame, event.timestamp());
            return;
        }
        synchronized (this) {
            List<BufferedFrame> held = buffered;
            if (held == null) {
                client.offer(frame, event.timestamp());
            } else if (held.size() >= bufferLimit) {
                client.disconnectAsSlow();
            } else {
                held.add(new BufferedFrame(frame, event));
            }
        }
    }

    /** Ends the replay: writes the held-back live frames the replay did not cover, then delivers live. */
    public synchronized void goLive(ReplayedUpTo replayed) {
        List<BufferedFrame> held = buffered;
        if (held == null) {
            return;
        }
        for (BufferedFrame frame : held) {
            if (!replayed.covers(frame.event().id())) {
                client.offer(frame.frame(), frame.event().timestamp());
            }
        }
        // Only now: a delivery that sees null goes straight through, and must come after the held frames.
        buffered = null;
    }

    public boolean isResuming() {
        return buffered != null;
    }

    private record BufferedFrame(OutboundFrame frame, StreamEvent event) {
    }
}
