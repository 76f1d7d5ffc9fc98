package dev.frostline.telemetry.messaging;

import dev.frostline.support.messaging.KafkaSender.JsonRecord;
import dev.frostline.telemetry.config.TelemetryConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes each ingest request's records in one Kafka transaction ({@code acks=all}, idempotent),
 * so consumers reading committed only see a request's readings all together or not at all.
 *
 * <p>Requests are spread over {@code transactional-producers} lanes, each a producer with its own
 * transactional ID {@code telemetry-readings-<instance-id>-<lane>}. The IDs are stable across
 * restarts of an instance: a restarted instance fences its predecessor and settles the
 * transactions it left open at once, instead of letting them hold back every read_committed
 * consumer of their partitions until the transaction timeout.
 */
@ApplicationScoped
public class TransactionalPublisher {

    private final List<TransactionLane> lanes = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();

    public TransactionalPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            TelemetryConfig config) {
        TelemetryConfig.Ingest ingest = config.ingest();
        for (int lane = 0; lane < ingest.transactionalProducers(); lane++) {
            String transactionalId = "telemetry-readings-" + ingest.instanceId() + "-" + lane;
            Map<String, Object> producerConfig = producerConfig(kafkaConfig, ingest.ackTimeout(), transactionalId);
            lanes.add(new TransactionLane(transactionalId,
                    () -> new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer()), clock));
        }
    }

    private static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig, Duration ackTimeout,
            String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // No blocking call (metadata, init, commit) may outlast the request waiting for it.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ackTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis() * 2);
        // A transaction left open by a crash holds back read_committed consumers of its partitions
        // until the broker aborts it: keep that short; a healthy transaction lasts one request.
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) ackTimeout.toMillis() * 2);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        return config;
    }

    /**
     * Completes, on the caller's Vert.x context, once every record is committed in one transaction;
     * fails with nothing visible to read_committed consumers, or after {@code timeout}.
     */
    public Uni<Void> publishAtomically(List<JsonRecord> records, Duration timeout) {
        Context context = Vertx.currentContext();
        TransactionLane lane = lanes.get(Math.floorMod(next.getAndIncrement(), lanes.size()));
        Uni<Void> published = Uni.createFrom()
                .completionStage(() -> lane.publish(records, clock.instant().plus(timeout)));
        return context == null ? published : published.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    @PreDestroy
    void close() {
        lanes.forEach(TransactionLane::close);
    }
}
