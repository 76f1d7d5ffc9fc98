package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ApiKeyState;
import dev.frostline.contracts.events.ApiKeyUsed;
import dev.frostline.identity.catalog.CatalogStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogStub.class)
class ApiKeyResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Response createKey(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/identity/api-keys");
    }

    private static Response createKey(String token, String name, UUID siteId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "siteId", siteId.toString()))
                .post("/api/identity/api-keys");
    }

    private static Response listKeys(String token) {
        return given().auth().oauth2(token).get("/api/identity/api-keys");
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
                .body("[0].name", equalTo("fridge gateway"))
                .body("[0].siteId", equalTo(null))
                .body("[0].lastUsedAt", equalTo(null));
    }

    @Test
    void aKeyScopedToASiteCatalogConfirmsShowsAndPublishesItsSite() throws Exception {
        String token = signUp(uniqueEmail()).path("accessToken");

        Response created = createKey(token, "kitchen sensors", CatalogStub.SITE);

        created.then().statusCode(201).body("siteId", equalTo(CatalogStub.SITE.toString()));
        listKeys(token).then().statusCode(200).body("$", hasSize(1))
                .body("[0].siteId", equalTo(CatalogStub.SITE.toString()));
        List<ApiKeyState> states = readStates(UUID.fromString(created.path("id")), 1);
        assertThat(states).singleElement().extracting(ApiKeyState::siteId).isEqualTo(CatalogStub.SITE);
    }

    @Test
    void aSiteCatalogDoesNotShowTheCallerIsNotFoundAndNoKeyIsCreated() {
        String token = signUp(uniqueEmail()).path("accessToken");
        // Another org's site and a site that does not exist get the same answer from catalog: 404.
        UUID notInMyOrg = UUID.randomUUID();

        createKey(token, "elsewhere", notInMyOrg).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:not-found"));
        listKeys(token).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aSiteCatalogCannotConfirmAnswers503WithRetryAfterAndNoKeyIsCreated() {
        String token = signUp(uniqueEmail()).path("accessToken");

        for (UUID site : List.of(CatalogStub.BROKEN_SITE, CatalogStub.SILENT_SITE)) {
            createKey(token, "unconfirmed", site).then().statusCode(503).contentType(PROBLEM_JSON)
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:frostline:problem:dependency-unavailable"));
        }
        listKeys(token).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aMalformedSiteIdIsRefusedAndNoKeyIsCreated() {
        String token = signUp(uniqueEmail()).path("accessToken");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "x", "siteId", "kitchen"))
                .post("/api/identity/api-keys").then().statusCode(400).contentType(PROBLEM_JSON);
        listKeys(token).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void reportedUseIsListedAndNeverMovesBackNorCrossesOrgs() throws Exception {
        Response signedUp = signUp(uniqueEmail());
        String token = signedUp.path("accessToken");
        UUID orgId = UUID.fromString(signedUp.path("orgId"));
        UUID keyId = UUID.fromString(createKey(token, "used").path("id"));
        UUID markerId = UUID.fromString(createKey(token, "marker").path("id"));
        Instant usedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        try (KafkaProducer<String, String> producer = producer()) {
            int partition = produceUse(producer, new ApiKeyUsed(keyId, orgId, usedAt), null);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> usedAt.toString().equals(lastUsedAt(token, keyId)));

            // An older report, and a newer one naming another org, then a marker behind both on the
            // same partition: once the marker is listed, both were applied and changed nothing.
            produceUse(producer, new ApiKeyUsed(keyId, orgId, usedAt.minusSeconds(600)), partition);
            produceUse(producer, new ApiKeyUsed(keyId, UUID.randomUUID(), usedAt.plusSeconds(600)), partition);
            Instant markerUsedAt = usedAt.plusSeconds(1);
            produceUse(producer, new ApiKeyUsed(markerId, orgId, markerUsedAt), partition);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> markerUsedAt.toString().equals(lastUsedAt(token, markerId)));
        }

        assertThat(lastUsedAt(token, keyId)).isEqualTo(usedAt.toString());
    }

    private static String lastUsedAt(String token, UUID keyId) {
        List<Map<String, Object>> keys = listKeys(token).then().statusCode(200).extract().path("$");
        Map<String, Object> key = keys.stream().filter(k -> keyId.toString().equals(k.get("id"))).findFirst()
                .orElseThrow();
        return (String) key.get("lastUsedAt");
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** @return the partition it went to; {@code partition} null lets the key decide, as telemetry does */
    private int produceUse(KafkaProducer<String, String> producer, ApiKeyUsed used, Integer partition)
            throws Exception {
        return producer.send(new ProducerRecord<>(Topics.API_KEY_USAGE, partition, used.keyId().toString(),
                mapper.writeValueAsString(used))).get(30, TimeUnit.SECONDS).partition();
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
