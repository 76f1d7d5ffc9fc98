package dev.frostline.realtime.fanout;

import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.metrics.RealtimeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The subscriptions of this replica, indexed by channel (of an org), so an event reaches exactly the
 * subscribers of its channels without scanning anyone else. Safe for concurrent use: clients subscribe on
 * many event loops while the consumers iterate.
 */
@ApplicationScoped
public class SubscriptionIndex {

    private final ConcurrentMap<OrgChannel, Set<Subscription>> byChannel = new ConcurrentHashMap<>();
    private final RealtimeMetrics metrics;

    public SubscriptionIndex(RealtimeMetrics metrics) {
        this.metrics = metrics;
    }

    public void add(Subscription subscription) {
        // compute() holds the channel's bin: an add cannot land in a set that a concurrent remove is dropping.
        byChannel.compute(subscription.channel(), (channel, subscriptions) -> {
            Set<Subscription> set = subscriptions != null ? subscriptions : ConcurrentHashMap.newKeySet();
            if (set.add(subscription)) {
                metrics.subscribed(channel.channel().kind());
            }
            return set;
        });
    }

    public void remove(Subscription subscription) {
        byChannel.computeIfPresent(subscription.channel(), (channel, subscriptions) -> {
            if (subscriptions.remove(subscription)) {
                metrics.unsubscribed(channel.channel().kind());
            }
            return subscriptions.isEmpty() ? null : subscriptions;
        });
    }

    /** A live, weakly consistent view: iterating it never fails, even while clients come and go. */
    public Collection<Subscription> subscribersOf(OrgChannel channel) {
        Set<Subscription> subscriptions = byChannel.get(channel);
        return subscriptions != null ? subscriptions : Set.of();
    }

    /** Channels with at least one subscriber. */
    public int channels() {
        return byChannel.size();
    }
}
