package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ApiKeyState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
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
class ApiKeyResourceTest {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Response createKey(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/identity/api-keys");
    }

    @Test
    void secretIsShownOnceAndNeverListed() {
        String token = signUp(uniqueEmail()).path("accessToken");
        Response created = createKey(token, "fridge gateway");
        created.then().statusCode(201).body("key", startsWith("flk_")).body("prefix", startsWith("flk_"));
        String key = created.path("key");
        assertThat(ApiKeyFormat.prefixOf(key)).isPresent();

        given().auth().oauth2(token).get("/api/identity/api-keys").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0]", not(hasKey("key")))
                .body("[0].name", equalTo("fridge gateway"));
    }

    @Test
    void keysOfAnotherOrgAreNotFound() {
        String ownerA = signUp(uniqueEmail()).path("accessToken");
        String ownerB = signUp(uniqueEmail()).path("accessToken");
        String keyIdOfA = createKey(ownerA, "a").path("id");

        given().auth().oauth2(ownerB).delete("/api/identity/api-keys/" + keyIdOfA).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ownerB).get("/api/identity/api-keys").then().statusCode(200).body("$", hasSize(0));
        // A's key is untouched.
        given().auth().oauth2(ownerA).get("/api/identity/api-keys").then().body("[0].revokedAt", equalTo(null));
    }

    @Test
    void blankNameIsRefusedAndNothingIsCreated() {
        String token = signUp(uniqueEmail()).path("accessToken");
        createKey(token, " ").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/identity/api-keys").then().body("$", hasSize(0));
    }

    @Test
    void createdAndRevokedKeyStatesArePublishedOnTheCompactedTopic() throws Exception {
        String token = signUp(uniqueEmail()).path("accessToken");
        Response created = createKey(token, "published");
        String id = created.path("id");
        String key = created.path("key");
        given().auth().oauth2(token).delete("/api/identity/api-keys/" + id).then().statusCode(200);

        List<ApiKeyState> states = readStates(UUID.fromString(id), 2);

        assertThat(states).hasSize(2);
        assertThat(states.get(0).revoked()).isFalse();
        assertThat(ApiKeyFormat.matches(key, states.get(0).secretHash())).isTrue();
        assertThat(states.get(1).revoked()).isTrue();
    }

    private List<ApiKeyState> readStates(UUID keyId, int expected) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ApiKeyState> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.IDENTITY_API_KEYS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(keyId.toString())) {
                        found.add(mapper.readValue(record.value(), ApiKeyState.class));
                    }
                }
            }
        }
        return found;
    }
}
