package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.assign;
import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.etag;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newGateway;
import static dev.frostline.catalog.rest.CatalogApi.newSensor;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.post;
import static dev.frostline.catalog.rest.CatalogApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.SensorState;
import dev.frostline.contracts.events.UnitState;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What catalog publishes on its three topics, read back from the real Kafka. */
@QuarkusTest
class CatalogPublishingTest {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void createdAndDeletedUnitStatesArePublishedOnTheCompactedTopic() throws Exception {
        UUID orgId = UUID.randomUUID();
        String owner = TestTokens.token(UUID.randomUUID(), orgId, Role.OWNER);
        String siteId = post(owner, SiteResource.PATH, Map.of("name", "Harbour store", "timeZone", "Europe/Lisbon"))
                .then().statusCode(201).extract().path("id");
        String areaId = newArea(owner, siteId);
        Response created = post(owner, UnitResource.PATH, Map.of("areaId", areaId, "name", "Walk-in", "type", "walk_in"));
        created.then().statusCode(201);
        UUID unitId = UUID.fromString(created.path("id"));
        delete(owner, UnitResource.PATH + "/" + unitId).then().statusCode(204);

        List<UnitState> states = unitStates(unitId, 2);

        UnitState first = states.get(0);
        assertThat(first.unitId()).isEqualTo(unitId);
        assertThat(first.orgId()).isEqualTo(orgId);
        assertThat(first.siteId()).hasToString(siteId);
        assertThat(first.areaId()).hasToString(areaId);
        assertThat(first.name()).isEqualTo("Walk-in");
        assertThat(first.type()).isEqualTo("walk_in");
        assertThat(first.siteName()).isEqualTo("Harbour store");
        assertThat(first.timeZone()).isEqualTo("Europe/Lisbon");
        assertThat(first.primarySensorId()).isNull();
        assertThat(first.deleted()).isFalse();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.updatedAt()).isEqualTo(Instant.parse(created.path("updatedAt")));

        UnitState second = states.get(1);
        assertThat(second.unitId()).isEqualTo(unitId);
        assertThat(second.orgId()).isEqualTo(orgId);
        assertThat(second.deleted()).isTrue();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.updatedAt()).isAfterOrEqualTo(first.updatedAt());
    }

    @Test
    void aMovedUnitIsPublishedWithItsNewSiteAndArea() throws Exception {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String areaId = newArea(owner, newSite(owner));
        String otherSite = newSite(owner);
        String otherArea = newArea(owner, otherSite);
        String unitId = post(owner, UnitResource.PATH, Map.of("areaId", areaId, "name", "Fridge", "type", "fridge"))
                .then().statusCode(201).extract().path("id");
        put(owner, UnitResource.PATH + "/" + unitId, "\"1\"", Map.of("areaId", otherArea, "name", "Fridge", "type", "fridge"))
                .then().statusCode(200);
        delete(owner, UnitResource.PATH + "/" + unitId).then().statusCode(204);

        List<UnitState> states = unitStates(UUID.fromString(unitId), 3);

        assertThat(states).extracting(UnitState::version).containsExactly(1L, 2L, 3L);
        assertThat(states.get(1).areaId()).hasToString(otherArea);
        assertThat(states.get(1).siteId()).hasToString(otherSite);
        assertThat(states.get(1).deleted()).isFalse();
        assertThat(states.get(2).deleted()).isTrue();
    }

    @Test
    void renamingASiteOrChangingItsTimeZoneRepublishesItsUnitsWithAHigherVersion() throws Exception {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String siteId = post(owner, SiteResource.PATH, Map.of("name", "Depot", "timeZone", "Europe/Berlin"))
                .then().statusCode(201).extract().path("id");
        UUID unitId = UUID.fromString(newUnit(owner, newArea(owner, siteId)));
        String sitePath = SiteResource.PATH + "/" + siteId;
        put(owner, sitePath, etag(owner, sitePath), Map.of("name", "Depot North", "timeZone", "America/Chicago"))
                .then().statusCode(200);

        List<UnitState> states = unitStates(unitId, 2);

        assertThat(states).extracting(UnitState::version).containsExactly(1L, 2L);
        assertThat(states.get(1).siteName()).isEqualTo("Depot North");
        assertThat(states.get(1).timeZone()).isEqualTo("America/Chicago");
        assertThat(states.get(1).areaId()).isEqualTo(states.get(0).areaId());
    }

    @Test
    void aPrimarySensorIsPublishedOnItsUnitAndTheSensorTopicSaysWhereItIs() throws Exception {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String siteId = newSite(owner);
        UUID unitId = UUID.fromString(newUnit(owner, newArea(owner, siteId)));
        String first = newSensor(owner);
        String second = newSensor(owner);
        assign(owner, first, unitId.toString(), true).then().statusCode(200);
        // A new primary demotes the first one: the unit's published primary follows.
        assign(owner, second, unitId.toString(), true).then().statusCode(200);
        postUnassign(owner, second);

        List<UnitState> units = unitStates(unitId, 5);
        assertThat(units).extracting(UnitState::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(units).extracting(UnitState::primarySensorId).containsExactly(null, UUID.fromString(first), null,
                UUID.fromString(second), null);

        List<SensorState> sensor = sensorStates(UUID.fromString(second), 3);
        assertThat(sensor).extracting(SensorState::version).containsExactly(1L, 2L, 3L);
        assertThat(sensor.get(0).unitId()).isNull();
        assertThat(sensor.get(1).unitId()).isEqualTo(unitId);
        assertThat(sensor.get(1).siteId()).hasToString(siteId);
        assertThat(sensor.get(1).primary()).isTrue();
        assertThat(sensor.get(1).devEui()).matches("[0-9A-F]{16}");
        assertThat(sensor.get(2).unitId()).isNull();
        assertThat(sensor.get(2).primary()).isFalse();
    }

    @Test
    void aUnitMovedToAnotherSiteRepublishesItsSensorsWithTheNewSite() throws Exception {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String areaId = newArea(owner, newSite(owner));
        String otherSite = newSite(owner);
        String otherArea = newArea(owner, otherSite);
        String unitId = newUnit(owner, areaId);
        String sensorId = newSensor(owner);
        assign(owner, sensorId, unitId, false).then().statusCode(200);
        String unitPath = UnitResource.PATH + "/" + unitId;
        put(owner, unitPath, etag(owner, unitPath), Map.of("areaId", otherArea, "name", "Freezer", "type", "freezer"))
                .then().statusCode(200);

        List<SensorState> states = sensorStates(UUID.fromString(sensorId), 3);

        assertThat(states).extracting(SensorState::version).containsExactly(1L, 2L, 3L);
        assertThat(states.get(2).siteId()).hasToString(otherSite);
        assertThat(states.get(2).unitId()).hasToString(unitId);
    }

    @Test
    void everyWriteOfEveryKindIsPublishedAsAChangeInTheOrgsOrder() throws Exception {
        UUID orgId = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        String owner = TestTokens.token(actor, orgId, Role.OWNER);
        String siteId = newSite(owner);
        String areaId = newArea(owner, siteId);
        String unitId = newUnit(owner, areaId);
        String gatewayId = newGateway(owner, siteId);
        String sensorId = newSensor(owner);
        assign(owner, sensorId, unitId, true).then().statusCode(200);
        postUnassign(owner, sensorId);
        delete(owner, UnitResource.PATH + "/" + unitId).then().statusCode(204);

        List<CatalogChanged> changes = read(Topics.CATALOG_CHANGES, orgId.toString(), CatalogChanged.class, 8);

        assertThat(changes).extracting(c -> c.entity() + " " + c.operation()).containsExactly("site created",
                "area created", "unit created", "gateway created", "sensor created", "sensor assigned",
                "sensor unassigned", "unit deleted");
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.orgId()).isEqualTo(orgId);
            assertThat(change.actorId()).isEqualTo(actor);
            assertThat(change.state()).containsEntry("id", change.entityId().toString());
        });
        assertThat(changes).extracting(CatalogChanged::eventId).doesNotHaveDuplicates();
        CatalogChanged area = changes.get(1);
        assertThat(area.entityId()).hasToString(areaId);
        assertThat(area.siteId()).hasToString(siteId);
        assertThat(area.areaId()).hasToString(areaId);
        assertThat(area.unitId()).isNull();
        assertThat(changes.get(3).entityId()).hasToString(gatewayId);
        assertThat(changes.get(3).siteId()).hasToString(siteId);
        assertThat(changes.get(4).siteId()).isNull();
        // The assignment and the unassignment both happened on the unit, though the latter leaves it.
        for (CatalogChanged assignment : changes.subList(5, 7)) {
            assertThat(assignment.entityId()).hasToString(sensorId);
            assertThat(assignment.unitId()).hasToString(unitId);
            assertThat(assignment.siteId()).hasToString(siteId);
        }
        CatalogChanged deleted = changes.get(7);
        assertThat(deleted.unitId()).hasToString(unitId);
        assertThat(deleted.state().get("deletedAt")).isNotNull();
        assertThat(deleted.version()).isEqualTo(2);
    }

    private static void postUnassign(String token, String sensorId) {
        delete(token, SensorResource.PATH + "/" + sensorId + "/assignment").then().statusCode(200);
    }

    private List<UnitState> unitStates(UUID unitId, int expected) throws Exception {
        return read(Topics.CATALOG_UNITS, unitId.toString(), UnitState.class, expected);
    }

    private List<SensorState> sensorStates(UUID sensorId, int expected) throws Exception {
        return read(Topics.CATALOG_SENSORS, sensorId.toString(), SensorState.class, expected);
    }

    /**
     * The records of one key from the start of the topic, in the order of its partition; waits for
     * {@code expected} of them, then a little longer, to prove no further one follows.
     */
    private <T> List<T> read(String topic, String key, Class<T> type, int expected) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<T> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
                poll(consumer, key, type, found);
                return found.size() >= expected;
            });
            long quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < quietUntil) {
                poll(consumer, key, type, found);
            }
        }
        assertThat(found).hasSize(expected);
        return found;
    }

    private <T> void poll(KafkaConsumer<String, String> consumer, String key, Class<T> type, List<T> found)
            throws Exception {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (key.equals(record.key())) {
                found.add(mapper.readValue(record.value(), type));
            }
        }
    }
}
