package dev.frostline.support.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A durable producer for pre-serialized JSON: {@code acks=all}, idempotent. The returned Uni
 * completes on the caller's Vert.x context, so Hibernate Reactive work can follow it directly.
 */
@ApplicationScoped
public class KafkaSender {

    private final KafkaProducer<String, String> producer;

    public KafkaSender(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "frostline-sender");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A record whose value is already JSON. */
    public record JsonRecord(String topic, String key, String json) {
    }

    public Uni<Void> send(String topic, String key, String json) {
        return sendInOrder(List.of(new JsonRecord(topic, key, json)));
    }

    /**
     * Sends the records in list order (so records of one key keep their order) and completes when
     * Kafka has acknowledged all of them, or fails with the first error.
     */
    public Uni<Void> sendInOrder(List<JsonRecord> records) {
        Context context = Vertx.currentContext();
        Uni<Void> sent = Uni.createFrom().<Void>emitter(emitter -> {
            AtomicInteger remaining = new AtomicInteger(records.size());
            AtomicBoolean failed = new AtomicBoolean();
            if (records.isEmpty()) {
                emitter.complete(null);
                return;
            }
            try {
                for (JsonRecord record : records) {
                    producer.send(new ProducerRecord<>(record.topic(), record.key(), record.json()), (metadata, error) -> {
                        if (error != null) {
                            if (failed.compareAndSet(false, true)) {
                                emitter.fail(error);
                            }
                        } else if (remaining.decrementAndGet() == 0 && !failed.get()) {
                            emitter.complete(null);
                        }
                    });
                }
            } catch (RuntimeException e) {
                if (failed.compareAndSet(false, true)) {
                    emitter.fail(e);
                }
            }
        // send() blocks while it waits for topic metadata: never on an event loop. One task sends
        // the whole list, so the producer sees the records in list order.
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? sent : sent.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
