package dev.frostline.realtime.socket;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.testing.TestTokens;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the realtime tests produce: events on the real topics (keyed as the real producers key them, or on
 * one partition when a test needs a total order), and units in realtime's projection table.
 */
final class TestPlatform implements AutoCloseable {

    /** The consumers start at the end of the topics; events produced before they own partitions are lost. */
    private static volatile boolean consumersReady;

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper;
    private final DataSource dataSource;

    TestPlatform(String bootstrap, ObjectMapper mapper, DataSource dataSource) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config);
        this.mapper = mapper;
        this.dataSource = dataSource;
    }

    /** Produces warm-up events, once per test run, until a client has received one from each topic. */
    void awaitConsumersReady(URI base) {
        if (consumersReady) {
            return;
        }
        UUID org = UUID.randomUUID();
        try (FrameCollector warm = FrameCollector.withHeader(base, TestTokens.token(UUID.randomUUID(), org, Role.VIEWER))) {
            warm.awaitWelcome();
            warm.subscribed("org");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                ReadingRecorded reading = reading(org, null, UUID.randomUUID());
                send(reading);
                return warm.hasEventOfType("reading.recorded");
            });
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                AlertOpened alert = alertOpened(org, UUID.randomUUID());
                send(alert);
                return warm.hasEventOfType("alert.opened");
            });
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                CatalogChanged change = unitCreated(org, null, UUID.randomUUID());
                send(change);
                return warm.hasEventOfType("catalog.changed");
            });
        }
        consumersReady = true;
    }

    /** Keyed by unit, like telemetry: all readings of a unit on one partition, in order. */
    RecordMetadata send(ReadingRecorded reading) {
        return sent(sendAsync(reading));
    }

    Future<RecordMetadata> sendAsync(ReadingRecorded reading) {
        return producer.send(new ProducerRecord<>(Topics.READINGS, reading.unitId().toString(),
                json(reading, TelemetryEvent.class)));
    }

    /** On one given partition, for tests that need several units in one order. */
    RecordMetadata send(ReadingRecorded reading, int partition) {
        return sent(producer.send(new ProducerRecord<>(Topics.READINGS, partition, reading.unitId().toString(),
                json(reading, TelemetryEvent.class))));
    }

    RecordMetadata send(AlertOpened alert) {
        return sent(producer.send(new ProducerRecord<>(Topics.ALERTS, alert.unitId().toString(),
                json(alert, AlertEvent.class))));
    }

    RecordMetadata send(AlertOpened alert, int partition) {
        return sent(producer.send(new ProducerRecord<>(Topics.ALERTS, partition, alert.unitId().toString(),
                json(alert, AlertEvent.class))));
    }

    /** Keyed by org, like catalog. */
    RecordMetadata send(CatalogChanged change) {
        return sent(producer.send(new ProducerRecord<>(Topics.CATALOG_CHANGES, change.orgId().toString(),
                json(change, CatalogChanged.class))));
    }

    void flush() {
        producer.flush();
    }

    /** A unit as catalog's compacted topic would have put it into realtime's projection. */
    void unitInProjection(UUID unitId, UUID orgId, UUID siteId, boolean deleted) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into unit_projection (unit_id, org_id, site_id, name, type, deleted, version, updated_at)
                     values (?, ?, ?, 'Freezer', 'freezer', ?, 1, ?)
                     """)) {
            insert.setObject(1, unitId);
            insert.setObject(2, orgId);
            insert.setObject(3, siteId);
            insert.setBoolean(4, deleted);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    static ReadingRecorded reading(UUID orgId, UUID siteId, UUID unitId) {
        return new ReadingRecorded(UUID.randomUUID(), orgId, siteId, unitId, "temperature_c", 3.5, Instant.now(),
                Instant.now());
    }

    static AlertOpened alertOpened(UUID orgId, UUID unitId) {
        return new AlertOpened(UUID.randomUUID(), orgId, null, unitId, UUID.randomUUID(), UUID.randomUUID(),
                "temperature_c", 9.5, null, 8.0, Instant.now());
    }

    static CatalogChanged unitCreated(UUID orgId, UUID siteId, UUID unitId) {
        return new CatalogChanged(UUID.randomUUID(), orgId, "unit", unitId, "created", siteId, null, unitId,
                UUID.randomUUID(), 1, Map.of("name", "Freezer"), Instant.now());
    }

    private String json(Object event, Class<?> family) {
        try {
            return mapper.writerFor(family).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecordMetadata sent(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
