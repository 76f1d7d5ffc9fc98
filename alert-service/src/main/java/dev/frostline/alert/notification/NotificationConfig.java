package dev.frostline.alert.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The notification dispatcher and sender. SMTP itself is configured with the quarkus.mailer properties. */
@ConfigMapping(prefix = "frostline.notification")
public interface NotificationConfig {

    Dispatch dispatch();

    Send send();

    Webhook webhook();

    interface Dispatch {
        /** How often a replica looks for unexpanded requests (a scheduler interval such as {@code 1s}; {@code off}: never). */
        String pollInterval();

        /** Requests one dispatch pass expands at most, in one transaction. */
        @WithDefault("100")
        int batchSize();
    }

    interface Send {
        /** How often a replica looks for due deliveries ({@code off}: never). */
        String pollInterval();

        /** Deliveries one send pass claims at most. */
        @WithDefault("50")
        int batchSize();

        /** Deliveries of one pass sent at the same time. */
        @WithDefault("8")
        int concurrency();

        /**
         * How long a claimed delivery is reserved for the replica that claimed it. If that replica dies
         * mid-send, another one sends it after this (at-least-once). Must exceed the webhook and SMTP timeouts.
         */
        @WithDefault("PT2M")
        Duration lease();

        /** Attempts before a delivery is dead-lettered. */
        @WithDefault("8")
        int maxAttempts();

        /** Delay before the first retry; each further retry doubles it. */
        @WithDefault("PT10S")
        Duration retryInitialDelay();

        /** Longest delay between two attempts. */
        @WithDefault("PT30M")
        Duration retryMaxDelay();

        /** Random extra delay, as a fraction of the delay (0.2: up to 20 % more). */
        @WithDefault("0.2")
        double retryJitter();
    }

    interface Webhook {
        /** Longest wait for the TCP (and TLS) connection to an endpoint. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** Longest wait for an endpoint's response, once connected; past it the attempt failed. */
        @WithDefault("PT10S")
        Duration timeout();
    }
}
