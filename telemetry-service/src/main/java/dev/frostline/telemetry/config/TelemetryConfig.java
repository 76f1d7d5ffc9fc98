package dev.frostline.telemetry.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "frostline.telemetry")
public interface TelemetryConfig {

    Ingest ingest();

    /**
     * How long readings are kept: older ones are refused at ingest, and a month's partition is
     * dropped once all of it is older.
     */
    Duration retention();

    Partitions partitions();

    interface Partitions {

        /** How many months past the current one have their partition created ahead. */
        @WithDefault("2")
        int monthsAhead();

        /** How often partitions are created ahead and expired ones dropped (and at every start). */
        Duration checkInterval();
    }

    ApiKeyUsage apiKeyUsage();

    ConsumerLagCheck consumerLag();

    interface ConsumerLagCheck {

        /** How often the persister group's lag is read from Kafka (three admin requests each time). */
        @WithDefault("PT15S")
        Duration interval();
    }

    Lorawan lorawan();

    interface Lorawan {

        /**
         * Decoded payload field to metric, {@code field=metric,...} in priority order (the first
         * field present gives its metric's reading). Only fields in the metric's unit belong here:
         * a battery voltage is not a {@code battery_pct}.
         */
        String fields();
    }

    interface ApiKeyUsage {

        /**
         * How often the keys used since the last report are reported to identity: at most one
         * report per key per interval, so "last used" is accurate to this interval.
         */
        @WithDefault("PT60S")
        Duration reportInterval();
    }

    interface Ingest {

        /** The largest request body the ingest endpoint reads; larger ones are refused with 413. */
        @WithDefault("512K")
        MemorySize maxBodySize();

        /**
         * How long a request waits for Kafka to acknowledge its readings. Past it the device gets 503
         * and retries; readings that Kafka did take meanwhile keep their IDs and are stored once.
         */
        @WithDefault("PT10S")
        Duration ackTimeout();

        /** How far in the future a device clock may put {@code recordedAt}. */
        @WithDefault("PT5M")
        Duration maxClockSkew();

        /**
         * How many transactional producers publish requests in parallel; each runs one transaction
         * (one request) at a time.
         */
        @WithDefault("2")
        int transactionalProducers();

        /**
         * Names this instance in its producers' transactional IDs: unique among running instances
         * (two instances sharing it fence each other) and the same after a restart.
         */
        String instanceId();
    }
}
