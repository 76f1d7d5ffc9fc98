package dev.frostline.alert.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * Delivery outcomes by channel. No org, alert or delivery IDs in the tags: their number is unbounded.
 * Every series is registered at start, so each exists at zero before the first delivery.
 */
// Created at start (not on first use), so the series exist before any delivery.
@Startup
@Singleton
public class NotificationMetrics {

    static final String SENT = "frostline.notification.deliveries.sent";
    static final String FAILED = "frostline.notification.deliveries.failed";
    static final String DEAD_LETTERED = "frostline.notification.deliveries.dead.lettered";

    private final Map<Channel, Counter> sent = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> deadLettered = new EnumMap<>(Channel.class);

    public NotificationMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            sent.put(channel, Counter.builder(SENT).tag("channel", channel.wireName())
                    .description("Deliveries the recipient accepted (SMTP server, or a 2xx from the endpoint)")
                    .register(registry));
            failed.put(channel, Counter.builder(FAILED).tag("channel", channel.wireName())
                    .description("Failed delivery attempts, each retried or dead-lettered").register(registry));
            deadLettered.put(channel, Counter.builder(DEAD_LETTERED).tag("channel", channel.wireName())
                    .description("Deliveries given up after their last attempt").register(registry));
        }
    }

    void sent(Channel channel) {
        sent.get(channel).increment();
    }

    void failed(Channel channel) {
        failed.get(channel).increment();
    }

    void deadLettered(Channel channel) {
        deadLettered.get(channel).increment();
    }
}
