package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.post;
import static dev.frostline.catalog.rest.CatalogApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
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

@QuarkusTest
class UnitStatePublishingTest {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void createdAndDeletedUnitStatesArePublishedOnTheCompactedTopic() throws Exception {
        UUID orgId = UUID.randomUUID();
        String owner = TestTokens.token(UUID.randomUUID(), orgId, Role.OWNER);
        String siteId = newSite(owner);
        String areaId = newArea(owner, siteId);
        Response created = post(owner, UnitResource.PATH, Map.of("areaId", areaId, "name", "Walk-in", "type", "walk_in"));
        created.then().statusCode(201);
        UUID unitId = UUID.fromString(created.path("id"));
        delete(owner, UnitResource.PATH + "/" + unitId).then().statusCode(204);

        List<UnitState> states = readStates(unitId, 2);

        UnitState first = states.get(0);
        assertThat(first.unitId()).isEqualTo(unitId);
        assertThat(first.orgId()).isEqualTo(orgId);
        assertThat(first.siteId()).hasToString(siteId);
        assertThat(first.areaId()).hasToString(areaId);
        assertThat(first.name()).isEqualTo("Walk-in");
        assertThat(first.type()).isEqualTo("walk_in");
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

        List<UnitState> states = readStates(UUID.fromString(unitId), 3);

        assertThat(states).extracting(UnitState::version).containsExactly(1L, 2L, 3L);
        assertThat(states.get(1).areaId()).hasToString(otherArea);
        assertThat(states.get(1).siteId()).hasToString(otherSite);
        assertThat(states.get(1).deleted()).isFalse();
        assertThat(states.get(2).deleted()).isTrue();
    }

    /** Reads the unit's states from the start of the topic, in the order of its partition. */
    private List<UnitState> readStates(UUID unitId, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<UnitState> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_UNITS));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (unitId.toString().equals(record.key())) {
                        found.add(mapper.readValue(record.value(), UnitState.class));
                    }
                }
                return found.size() >= expected;
            });
        }
        assertThat(found).hasSize(expected);
        return found;
    }
}
