package dev.frostline.telemetry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ApiKeyState;
import dev.frostline.contracts.events.UnitState;
import dev.frostline.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Seeds telemetry's projections the way production does, by producing real ApiKeyState and
 * UnitState records to the real compacted topics, and observes the readings store. Every device
 * it seeds belongs to a fresh org, so tests never see each other's data.
 */
public final class TelemetryFixtures implements AutoCloseable {

    public static final String INGEST = "/api/telemetry/readings";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A device of a fresh org: its key is projected and its unit is live. */
    public record Device(UUID orgId, UUID keyId, String key, UUID unitId, UUID siteId) {

        public String viewerToken() {
            return TestTokens.token(UUID.randomUUID(), orgId, Role.VIEWER);
        }
    }

    private final ObjectMapper mapper;
    private final DataSource dataSource;
    private final KafkaProducer<String, String> producer;

    public TelemetryFixtures(ObjectMapper mapper, DataSource dataSource, String bootstrapServers) {
        this.mapper = mapper;
        this.dataSource = dataSource;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    // ---- seeding -------------------------------------------------------------------------

    public static String newKey() {
        return ApiKeyFormat.compose(random(ApiKeyFormat.PREFIX_LENGTH), random(ApiKeyFormat.SECRET_LENGTH));
    }

    /** A millisecond-precise "now", so timestamps survive the round trip through PostgreSQL unchanged. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static ApiKeyState keyState(UUID keyId, UUID orgId, String key, boolean revoked, Instant updatedAt) {
        return keyState(keyId, orgId, null, key, revoked, updatedAt);
    }

    /** @param siteId the key's site scope; null for the whole org */
    public static ApiKeyState keyState(UUID keyId, UUID orgId, UUID siteId, String key, boolean revoked,
            Instant updatedAt) {
        return new ApiKeyState(keyId, orgId, siteId, ApiKeyFormat.prefixOf(key).orElseThrow(), ApiKeyFormat.hash(key),
                revoked, updatedAt);
    }

    /** A new device (org, key, unit), usable as soon as this returns. */
    public Device seedDevice() {
        UUID orgId = UUID.randomUUID();
        Device device = new Device(orgId, UUID.randomUUID(), newKey(), UUID.randomUUID(), UUID.randomUUID());
        produce(Topics.CATALOG_UNITS, device.unitId().toString(), new UnitState(device.unitId(), orgId,
                device.siteId(), UUID.randomUUID(), "Walk-in freezer", "freezer", false, 1, now()));
        produceKey(keyState(device.keyId(), orgId, device.key(), false, now()));
        awaitAccepted(device.key(), device.unitId());
        return device;
    }

    /** A live unit of the device's org in {@code siteId} (null: in no site), usable as soon as this returns. */
    public UUID seedUnit(Device device, UUID siteId) {
        UUID unitId = UUID.randomUUID();
        produce(Topics.CATALOG_UNITS, unitId.toString(), new UnitState(unitId, device.orgId(), siteId,
                UUID.randomUUID(), "Fridge", "fridge", false, 1, now()));
        awaitAccepted(device.key(), unitId);
        return unitId;
    }

    /** A key of the device's org limited to {@code siteId}, usable for {@code unitInSite} when this returns. */
    public String seedSiteKey(Device device, UUID siteId, UUID unitInSite) {
        String key = newKey();
        produceKey(keyState(UUID.randomUUID(), device.orgId(), siteId, key, false, now()));
        awaitAccepted(key, unitInSite);
        return key;
    }

    /** Another key of the device's org, usable as soon as this returns. */
    public String seedSecondKey(Device device) {
        String key = newKey();
        produceKey(keyState(UUID.randomUUID(), device.orgId(), key, false, now()));
        awaitAccepted(key, device.unitId());
        return key;
    }

    public RecordMetadata produceKey(ApiKeyState state) {
        return produce(Topics.IDENTITY_API_KEYS, state.keyId().toString(), state);
    }

    /** Produces to an explicit partition: a record behind which earlier records of that partition were applied. */
    public RecordMetadata produceKey(ApiKeyState state, int partition) {
        return send(new ProducerRecord<>(Topics.IDENTITY_API_KEYS, partition, state.keyId().toString(), json(state)));
    }

    public RecordMetadata produce(String topic, String key, Object value) {
        return send(new ProducerRecord<>(topic, key, json(value)));
    }

    /**
     * Waits until the service accepts the key for the unit. Probes with an out-of-range value, so the
     * probe itself is never stored: 401 means the key is not projected yet, a unitId error that the
     * unit is not; only the value error is left once both are.
     */
    public void awaitAccepted(String key, UUID unitId) {
        await().atMost(PROJECTION_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = post(key, reading(unitId, "temperature_c", 999, null));
            return response.statusCode() == 400 && List.of("value").equals(response.path("errors.field"));
        });
    }

    /** Waits until the service refuses the key (its revocation was projected). */
    public void awaitRefused(String key, UUID unitId) {
        await().atMost(PROJECTION_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> post(key, reading(unitId, "temperature_c", 999, null)).statusCode() == 401);
    }

    // ---- ingest ----------------------------------------------------------------------------

    public static Map<String, Object> reading(UUID unitId, String metric, double value, String messageId) {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("unitId", unitId.toString());
        reading.put("metric", metric);
        reading.put("value", value);
        reading.put("recordedAt", now().minusSeconds(60).toString());
        if (messageId != null) {
            reading.put("messageId", messageId);
        }
        return reading;
    }

    public static Map<String, Object> batch(Object... readings) {
        return Map.of("readings", List.of(readings));
    }

    public static Response post(String key, Object body) {
        return given().header(ApiKeyFormat.HEADER, key).contentType(ContentType.JSON).body(body).post(INGEST);
    }

    /**
     * Sends a valid reading for the device's unit and waits until it is stored. Readings of one unit
     * share a partition and are stored in order, so anything published for the unit before the
     * sentinel is stored by then: what is not stored now was never published.
     */
    public UUID storeSentinel(Device device, String key) {
        String id = post(key, reading(device.unitId(), "battery_pct", 50, "sentinel-" + UUID.randomUUID()))
                .then().statusCode(202).extract().path("ids[0]");
        UUID sentinel = UUID.fromString(id);
        awaitStored(device.unitId(), sentinel);
        return sentinel;
    }

    public UUID storeSentinel(Device device) {
        return storeSentinel(device, device.key());
    }

    // ---- the store -------------------------------------------------------------------------

    public void awaitStored(UUID unitId, UUID readingId) {
        await().atMost(PROJECTION_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> storedIds(unitId).contains(readingId));
    }

    /** Every stored reading of the unit, whatever its org. */
    public List<UUID> storedIds(UUID unitId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select id from readings where unit_id = ? order by recorded_at, id")) {
            statement.setObject(1, unitId);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not produce to " + record.topic(), e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
