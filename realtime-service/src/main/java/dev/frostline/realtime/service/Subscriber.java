package dev.frostline.realtime.service;

import dev.frostline.realtime.fanout.Client;
import dev.frostline.realtime.fanout.SubscriptionSlots;
import java.time.Duration;

/** A connection as the subscribe use case sees it: its client, its subscriptions, and its pace. */
public interface Subscriber {

    Client client();

    SubscriptionSlots subscriptions();

    /** Blocks (replay threads only) until the client's outbound buffer has room; false if it never did. */
    boolean awaitRoom(Duration patience) throws InterruptedException;
}
