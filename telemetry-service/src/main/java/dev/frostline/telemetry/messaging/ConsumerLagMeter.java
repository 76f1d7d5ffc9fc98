package dev.frostline.telemetry.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code frostline_telemetry_consumer_lag_records{group, topic}}: how many records of the readings
 * topic the persister's consumer group has not committed yet, that is readings accepted but not yet
 * in PostgreSQL (the persister commits offsets only after the database commit). Measured from the
 * broker's view (committed offsets against end offsets, like Burrow or kafka-lag-exporter), so it
 * keeps rising while the persister is stuck or down, which the consumer's own records-lag metric
 * (position against end) does not. Summed over partitions: the labels are a group and a topic,
 * never a partition or a unit.
 *
 * <p>Telemetry's other consumers (the catalog and API-key projections) commit nothing by design:
 * each instance replays its compacted topic from the start under a group of its own, so they have
 * no committed lag to show.
 *
 * <p>Until the first measurement (and while Kafka does not answer) the gauge reads NaN rather than
 * a stale or made-up number.
 */
@ApplicationScoped
public class ConsumerLagMeter {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final String group;
    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private volatile double lag = Double.NaN;
    private Admin admin;

    public ConsumerLagMeter(MeterRegistry registry,
            @ConfigProperty(name = "mp.messaging.incoming.readings-persister.group.id") String group,
            @ConfigProperty(name = "mp.messaging.incoming.readings-persister.topic") String topic,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.group = group;
        this.topic = topic;
        this.kafkaConfig = kafkaConfig;
        Gauge.builder("frostline.telemetry.consumer.lag", this, meter -> meter.lag)
                .description("Records of the topic the consumer group has not committed (persister: accepted, not yet stored)")
                .baseUnit("records")
                .tag("group", group).tag("topic", topic)
                .register(registry);
    }

    @Scheduled(every = "${frostline.telemetry.consumer-lag.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        try {
            lag = ConsumerLag.of(offsets(OffsetSpec.latest()), committed(), offsets(OffsetSpec.earliest()));
        } catch (Exception e) {
            lag = Double.NaN;
            Log.debugf("could not measure the consumer lag of %s on %s: %s", group, topic, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) throws Exception {
        List<TopicPartition> partitions = admin().describeTopics(List.of(topic)).allTopicNames()
                .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        // The persister reads committed only: records of open or aborted transactions are never its lag.
        return admin().listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        offsets.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> adminConfig = new HashMap<>();
            adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
            adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
