package dev.frostline.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.contracts.events.UnitState;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The real Kafka as the other services see it: publishes what catalog and telemetry would, reads alerts. */
@ApplicationScoped
public class TestBus {

    private final ObjectMapper mapper;
    private final Pool pool;
    private final String bootstrap;
    private KafkaProducer<String, String> producer;

    public TestBus(ObjectMapper mapper, Pool pool, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.mapper = mapper;
        this.pool = pool;
        this.bootstrap = bootstrap;
    }

    /** A live fridge of {@code orgId}, as catalog publishes it on the compacted topic. */
    public void publishUnit(UUID unitId, UUID orgId, UUID siteId) {
        publishUnit(unitId, orgId, siteId, null, "fridge", 1);
    }

    public void publishUnit(UUID unitId, UUID orgId, UUID siteId, UUID areaId, String type, long version) {
        UnitState state = new UnitState(unitId, orgId, siteId, areaId, "Unit " + unitId, type, false, version,
                Instant.now());
        send(Topics.CATALOG_UNITS, unitId, json(() -> mapper.writeValueAsString(state)));
    }

    /**
     * Returns once every reading published before has been evaluated: sends a probe reading (of a
     * unit no rule covers) to every partition and waits until the engine's stored position is past
     * each. The consumer reads from the latest offset when it first gets its partitions, so a probe
     * sent before that is missed: probes are sent again until they get through.
     */
    public void barrier() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Map<Integer, Long> probes = new HashMap<>();
            for (int partition = 0; partition < Topics.DEFAULT_PARTITIONS; partition++) {
                UUID unit = UUID.randomUUID();
                Instant now = Instant.now();
                ReadingRecorded probe = new ReadingRecorded(UUID.randomUUID(), UUID.randomUUID(), null, unit,
                        "temperature_c", 1.0, now, now);
                probes.put(partition, send(Topics.READINGS, partition, unit,
                        json(() -> mapper.writerFor(TelemetryEvent.class).writeValueAsString(probe))));
            }
            long probeDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < probeDeadline) {
                if (positionsPast(probes)) {
                    return;
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("the engine did not evaluate the probe readings within 90 s");
    }

    private boolean positionsPast(Map<Integer, Long> probes) {
        RowSet<Row> rows = pool.preparedQuery("select partition, next_offset from consumer_positions where topic = $1")
                .execute(Tuple.of(Topics.READINGS)).await().indefinitely();
        Map<Integer, Long> positions = new HashMap<>();
        rows.forEach(row -> positions.put(row.getInteger("partition"), row.getLong("next_offset")));
        return probes.entrySet().stream().allMatch(p -> positions.getOrDefault(p.getKey(), 0L) > p.getValue());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A reading as telemetry publishes it: keyed by unit, so one unit's readings stay in order. */
    public void publishReading(ReadingRecorded reading) {
        send(Topics.READINGS, reading.unitId(),
                json(() -> mapper.writerFor(TelemetryEvent.class).writeValueAsString(reading)));
    }

    /** Reads the alert events of one unit from the beginning of the topic, with a group of its own. */
    public AlertTap tapAlerts(UUID unitId) {
        return new AlertTap(unitId);
    }

    public final class AlertTap implements AutoCloseable {
        private final UUID unitId;
        private final KafkaConsumer<String, String> consumer;
        private final List<AlertEvent> events = new ArrayList<>();

        private AlertTap(UUID unitId) {
            this.unitId = unitId;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-service-test-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(Topics.ALERTS));
        }

        /**
         * Polls until the events seen so far satisfy {@code enough}, or a minute has passed; returns them
         * all either way, so the caller's assertion says what was missing.
         */
        public List<AlertEvent> awaitEvents(Predicate<List<AlertEvent>> enough) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!enough.test(events) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (unitId.toString().equals(record.key())) {
                        events.add(json(() -> mapper.readValue(record.value(), AlertEvent.class)));
                    }
                }
            }
            return List.copyOf(events);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private void send(String topic, UUID key, String value) {
        send(topic, null, key, value);
    }

    /** @return the record's offset */
    private synchronized long send(String topic, Integer partition, UUID key, String value) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key.toString(), value)).get().offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private interface JsonCall<T> {
        T call() throws JsonProcessingException;
    }

    private static <T> T json(JsonCall<T> call) {
        try {
            return call.call();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
