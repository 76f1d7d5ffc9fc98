package dev.frostline.realtime.metrics;

import dev.frostline.realtime.channel.ChannelKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * realtime's meters (names in docs/realtime.md). Labels never carry IDs: subscriptions are counted by
 * channel kind only, so the number of series stays fixed however many units are watched.
 */
// @Startup: every series exists (at zero) from the start, not from the first connection on.
@Startup
@ApplicationScoped
public class RealtimeMetrics {

    private final AtomicInteger connections = new AtomicInteger();
    private final Map<ChannelKind, AtomicInteger> subscriptions = new EnumMap<>(ChannelKind.class);
    private final Counter delivered;
    private final Counter droppedSlowConsumer;
    private final Counter droppedWriteFailed;
    private final Counter slowConsumerDisconnects;
    private final Timer latency;

    public RealtimeMetrics(MeterRegistry registry) {
        Gauge.builder("frostline.realtime.connections", connections, AtomicInteger::get)
                .description("Open WebSocket connections on this replica").register(registry);
        for (ChannelKind kind : ChannelKind.values()) {
            AtomicInteger count = new AtomicInteger();
            subscriptions.put(kind, count);
            Gauge.builder("frostline.realtime.subscriptions", count, AtomicInteger::get)
                    .tag("kind", kind.wireName())
                    .description("Live subscriptions on this replica, by channel kind").register(registry);
        }
        delivered = Counter.builder("frostline.realtime.events.delivered")
                .description("Event frames written to a client socket").register(registry);
        droppedSlowConsumer = dropped(registry, "slow-consumer");
        droppedWriteFailed = dropped(registry, "write-failed");
        slowConsumerDisconnects = Counter.builder("frostline.realtime.slow-consumer.disconnects")
                .description("Connections closed with 4008 because their outbound buffer overflowed")
                .register(registry);
        latency = Timer.builder("frostline.realtime.delivery.latency")
                .description("From the event's Kafka timestamp to its frame written to the socket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private static Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder("frostline.realtime.events.dropped").tag("reason", reason)
                .description("Event frames that were not written to a subscribed client").register(registry);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public void subscribed(ChannelKind kind) {
        subscriptions.get(kind).incrementAndGet();
    }

    public void unsubscribed(ChannelKind kind) {
        subscriptions.get(kind).decrementAndGet();
    }

    public void delivered(long eventTimestampMillis) {
        delivered.increment();
        latency.record(Math.max(0, System.currentTimeMillis() - eventTimestampMillis), TimeUnit.MILLISECONDS);
    }

    public void droppedForSlowConsumer() {
        droppedSlowConsumer.increment();
    }

    public void droppedForFailedWrite() {
        droppedWriteFailed.increment();
    }

    public void slowConsumerDisconnected() {
        slowConsumerDisconnects.increment();
    }
}
