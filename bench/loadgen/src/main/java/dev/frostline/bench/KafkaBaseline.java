package dev.frostline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A raw Kafka producer writing the records telemetry would publish for the same readings (the same
 * JSON value, keyed by unit) to a bench topic of its own, from one thread, as fast as the producer
 * takes them: the ceiling of the "Kafka first" half of ingest on this machine. Configured as
 * service-support's KafkaSender is (acks=all, idempotent, linger 5 ms, string serializers), so the
 * difference to the platform is the platform, not the producer settings.
 *
 * <p>The topic is recreated when the run starts (so it has exactly the partitions asked for) and
 * deleted when it ends; it keeps records at most 10 minutes in case a run dies in between.
 */
final class KafkaBaseline implements Baseline {

    private static final String SERIES = "kafka";
    private static final long TOPIC_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String topic;
    private final ReadingRecords records;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;
    private final Target target;
    private long sent;

    KafkaBaseline(String bootstrap, String topic, int partitions, ReadingRecords records) throws Exception {
        this.topic = topic;
        this.records = records;
        this.target = new Target(SERIES, bootstrap);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
        recreateTopic(admin, topic, partitions);
        this.producer = producer(bootstrap, "frostline-bench-raw-producer");
    }

    /** A producer configured as service-support's KafkaSender (see the class comment); the alert bench's too. */
    static KafkaProducer<String, String> producer(String bootstrap, String clientId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, clientId),
                new StringSerializer(), new StringSerializer());
    }

    @Override
    public String name() {
        return SERIES;
    }

    @Override
    public PhaseResult measure(double seconds, int round) throws InterruptedException {
        Phase phase = new Phase(target, List.of(SERIES), 1);
        phase.start();
        long end = System.nanoTime() + Math.round(seconds * 1e9);
        // send() blocks only when the producer's buffer is full: that is the back-pressure that makes
        // this loop run at the rate Kafka acknowledges.
        while (System.nanoTime() < end) {
            ReadingRecords.Unit unit = records.unit(sent++);
            Instant now = ReadingRecords.now();
            String value = records.recordedEvent(unit, ReadingRecords.randomId(), ReadingRecords.value(), now, now);
            long started = System.nanoTime();
            producer.send(new ProducerRecord<>(topic, unit.unitId().toString(), value), (metadata, error) -> {
                if (error == null) {
                    phase.success(SERIES, started, System.nanoTime());
                } else {
                    phase.error(SERIES, error.getClass().getSimpleName(), System.nanoTime());
                }
            });
        }
        producer.flush();
        phase.stop();
        phase.drainedOne();
        phase.awaitDrained(1);
        return phase.results(round).get(0);
    }

    /** Deletes the topic if it exists and creates it with exactly {@code partitions}, records kept at most 10 minutes. */
    static void recreateTopic(Admin admin, String topic, int partitions) throws Exception {
        deleteTopic(admin, topic);
        NewTopic spec = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "600000"));
        long deadline = System.nanoTime() + TOPIC_TIMEOUT_NANOS;
        while (true) {
            try {
                admin.createTopics(List.of(spec)).all().get();
                return;
            } catch (ExecutionException e) {
                // A topic just deleted stays "marked for deletion" for a moment.
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    static void deleteTopic(Admin admin, String topic) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        if (!existing.contains(topic)) {
            return;
        }
        try {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
    }

    @Override
    public void close() throws Exception {
        producer.close(Duration.ofSeconds(10));
        try {
            deleteTopic(admin, topic);
        } finally {
            admin.close();
        }
    }
}
