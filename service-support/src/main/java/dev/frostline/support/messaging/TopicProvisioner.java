package dev.frostline.support.messaging;

import dev.frostline.contracts.Topics;
import dev.frostline.support.config.KafkaTopicsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics at startup when they are missing, with the right partitions and
 * cleanup policy. Broker auto-creation would make the state topics non-compacted, which silently
 * loses projections after retention; so every service that touches Kafka makes sure first.
 * Replicas racing to create the same topic is fine: the loser sees TopicExistsException.
 */
@Singleton
public class TopicProvisioner {

    private final KafkaTopicsConfig config;
    private final Map<String, Object> kafkaConfig;

    public TopicProvisioner(KafkaTopicsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.provision()) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (AdminClient admin = AdminClient.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(this::newTopic)
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    Log.infof("created topic %s", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            // Readiness reports Kafka as down; the consumers retry. Failing startup would only crash-loop.
            Log.warnf("could not provision Kafka topics: %s", e.toString());
        }
    }

    private NewTopic newTopic(Topics.TopicSpec spec) {
        Map<String, String> configs = new HashMap<>();
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.eventRetention().toMillis()));
        }
        return new NewTopic(spec.name(), spec.partitions(), config.replicationFactor()).configs(configs);
    }
}
