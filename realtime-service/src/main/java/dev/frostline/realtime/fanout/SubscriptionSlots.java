package dev.frostline.realtime.fanout;

import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.protocol.ErrorCode;
import dev.frostline.realtime.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscriptions of one connection by client-chosen id. An id is reserved as soon as its subscribe
 * arrives, before the asynchronous authorization: a quick unsubscribe, a duplicate id or a second
 * subscribe to the same channel is then answered consistently whatever order the checks finish in.
 */
public final class SubscriptionSlots {

    private final int max;
    private final Map<String, Slot> slots = new HashMap<>();

    public SubscriptionSlots(int max) {
        this.max = max;
    }

    /** Reserves the id for the channel, or throws the error to answer. */
    public synchronized void reserve(String id, Channel channel) {
        if (slots.containsKey(id)) {
            throw new ProtocolException(id, ErrorCode.DUPLICATE_SUBSCRIPTION_ID, "id " + id + " is already in use");
        }
        for (Slot slot : slots.values()) {
            if (slot.channel.equals(channel)) {
                throw new ProtocolException(id, ErrorCode.ALREADY_SUBSCRIBED, "already subscribed to " + channel);
            }
        }
        if (slots.size() >= max) {
            throw new ProtocolException(id, ErrorCode.TOO_MANY_SUBSCRIPTIONS,
                    "at most " + max + " subscriptions per connection");
        }
        slots.put(id, new Slot(channel));
    }

    /** Fills a reservation; false if it was released (unsubscribed, closed) in the meantime. */
    public synchronized boolean fill(String id, Subscription subscription) {
        Slot slot = slots.get(id);
        if (slot == null || slot.subscription != null) {
            return false;
        }
        slot.subscription = subscription;
        return true;
    }

    /**
     * Frees an id. Throws unknown-subscription if it was not reserved.
     *
     * @return its subscription, or null if it was still being authorized or resumed
     */
    public synchronized Subscription release(String id) {
        Slot slot = slots.remove(id);
        if (slot == null) {
            throw new ProtocolException(id, ErrorCode.UNKNOWN_SUBSCRIPTION, "no subscription with id " + id);
        }
        return slot.subscription;
    }

    /** Frees an id if this very subscription (or its reservation) still holds it. */
    public synchronized void releaseIfHeldBy(String id, Subscription subscription) {
        Slot slot = slots.get(id);
        if (slot != null && (slot.subscription == null || slot.subscription == subscription)) {
            slots.remove(id);
        }
    }

    /** Whether this subscription still holds its id: it was not unsubscribed meanwhile. */
    public synchronized boolean holds(String id, Subscription subscription) {
        Slot slot = slots.get(id);
        return slot != null && slot.subscription == subscription;
    }

    /** Frees every id, for a closing connection. */
    public synchronized List<Subscription> releaseAll() {
        List<Subscription> subscriptions = new ArrayList<>();
        for (Slot slot : slots.values()) {
            if (slot.subscription != null) {
                subscriptions.add(slot.subscription);
            }
        }
        slots.clear();
        return subscriptions;
    }

    private static final class Slot {
        final Channel channel;
        Subscription subscription;

        Slot(Channel channel) {
            this.channel = channel;
        }
    }
}
