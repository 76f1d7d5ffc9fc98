package dev.frostline.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "frostline.kafka.topics")
public interface KafkaTopicsConfig {

    /** Create missing topics at startup. Turn off where topics are managed by an operator (Strimzi). */
    @WithDefault("true")
    boolean provision();

    /** Replication factor of created topics: 1 for a single broker, 3 in production. */
    @WithDefault("1")
    short replicationFactor();

    /** Retention of the event topics (not the compacted state topics); also the realtime resume window. */
    @WithDefault("P7D")
    Duration eventRetention();
}
