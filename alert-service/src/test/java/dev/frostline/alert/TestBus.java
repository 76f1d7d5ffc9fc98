package dev.frostline.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.contracts.events.UnitState;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final String bootstrap;
    private KafkaProducer<String, String> producer;

    public TestBus(ObjectMapper mapper, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.mapper = mapper;
        this.bootstrap = bootstrap;
    }

    /** A live unit of {@code orgId}, as catalog publishes it on the compacted topic. */
    public void publishUnit(UUID unitId, UUID orgId, UUID siteId) {
        UnitState state = new UnitState(unitId, orgId, siteId, null, "Fridge " + unitId, "fridge", false, 1,
                Instant.now());
        send(Topics.CATALOG_UNITS, unitId, json(() -> mapper.writeValueAsString(state)));
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

    private synchronized void send(String topic, UUID key, String value) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
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
