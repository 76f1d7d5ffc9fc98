package dev.frostline.storage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.UnitState;
import dev.frostline.storage.config.StorageConfig;
import dev.frostline.storage.file.FileContent;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

@QuarkusTest
class FileResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** REST Assured would add "; charset=ISO-8859-1" to the Content-Type of a file upload. */
    private static final RestAssuredConfig SEND_CONTENT_TYPE_AS_IS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject
    ObjectMapper mapper;

    @Inject
    S3AsyncClient s3;

    @Inject
    StorageConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** One org with one live unit, known to storage through its projection, and a user per role. */
    record Tenant(UUID orgId, UUID unitId) {
        String token(Role role) {
            return TestTokens.token(UUID.randomUUID(), orgId, role);
        }

        String prefix() {
            return orgId + "/" + unitId + "/";
        }
    }

    @Test
    void uploadedFileDownloadsAsTheSameBytesWithItsTypeAndName() throws Exception {
        Tenant tenant = newTenantWithUnit();
        byte[] content = randomBytes(50_000);
        String name = "Kalibrierung Kühlraum 2024.pdf";

        Response created = upload(tenant.token(Role.STAFF), tenant.unitId(), name, "application/pdf", content);
        created.then().statusCode(201)
                .body("unitId", equalTo(tenant.unitId().toString()))
                .body("name", equalTo(name))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(content.length))
                .body("sha256", equalTo(FileContent.sha256(content)));
        String id = created.path("id");

        Response download = given().auth().oauth2(tenant.token(Role.VIEWER))
                .get("/api/storage/files/" + id + "/content");
        download.then().statusCode(200);
        assertThat(download.asByteArray()).isEqualTo(content);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Length")).isEqualTo(Integer.toString(content.length));
        assertThat(download.header("Transfer-Encoding")).isNull();
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Kalibrierung K_hlraum 2024.pdf\"; "
                        + "filename*=UTF-8''Kalibrierung%20K%C3%BChlraum%202024.pdf");

        HeadObjectResponse object = s3.headObject(request -> request.bucket(config.bucket())
                .key(tenant.prefix() + id)).join();
        assertThat(object.contentLength()).isEqualTo(content.length);
        assertThat(object.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void jsonFileIsStoredVerbatimNotParsed() {
        Tenant tenant = newTenantWithUnit();
        byte[] content = "{\"probe\": \"A1\", \"values\": [2.5, 3.1]}".getBytes(StandardCharsets.UTF_8);

        String id = upload(tenant.token(Role.STAFF), tenant.unitId(), "probes.json", "application/json", content)
                .then().statusCode(201).extract().path("id");

        byte[] downloaded = given().auth().oauth2(tenant.token(Role.VIEWER))
                .get("/api/storage/files/" + id + "/content").then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(content);
    }

    @Test
    void listingAndMetadataDescribeTheStoredFile() {
        Tenant tenant = newTenantWithUnit();
        byte[] content = "HACCP check: all temperatures within limits.\n".getBytes(StandardCharsets.UTF_8);
        UUID staff = UUID.randomUUID();
        String id = upload(TestTokens.token(staff, tenant.orgId(), Role.STAFF), tenant.unitId(), "haccp.txt",
                "text/plain", content).then().statusCode(201).extract().path("id");

        given().auth().oauth2(tenant.token(Role.VIEWER)).get("/api/storage/units/" + tenant.unitId() + "/files")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].name", equalTo("haccp.txt"))
                .body("[0].size", equalTo(content.length));

        given().auth().oauth2(tenant.token(Role.VIEWER)).get("/api/storage/files/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("unitId", equalTo(tenant.unitId().toString()))
                .body("contentType", equalTo("text/plain"))
                .body("size", equalTo(content.length))
                .body("sha256", equalTo(FileContent.sha256(content)))
                .body("createdBy", equalTo(staff.toString()));
    }

    @Test
    void anotherOrgsFilesAndUnitsAreNotFound() {
        Tenant owner = newTenantWithUnit();
        String id = upload(owner.token(Role.STAFF), owner.unitId(), "certificate.pdf", "application/pdf",
                randomBytes(1000)).then().statusCode(201).extract().path("id");
        String stranger = TestTokens.newOrgToken(Role.OWNER);

        upload(stranger, owner.unitId(), "intruder.pdf", "application/pdf", randomBytes(100)).then()
                .statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(stranger).get("/api/storage/units/" + owner.unitId() + "/files").then()
                .statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(stranger).get("/api/storage/files/" + id).then()
                .statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(stranger).get("/api/storage/files/" + id + "/content").then()
                .statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(stranger).delete("/api/storage/files/" + id).then()
                .statusCode(404).contentType(PROBLEM_JSON);

        // The owner's file is untouched, and the stranger stored nothing.
        given().auth().oauth2(owner.token(Role.VIEWER)).get("/api/storage/units/" + owner.unitId() + "/files")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id));
        assertThat(objectKeys(owner.prefix())).containsExactly(owner.prefix() + id);
    }

    @Test
    void viewerCannotUpload() {
        Tenant tenant = newTenantWithUnit();

        upload(tenant.token(Role.VIEWER), tenant.unitId(), "report.pdf", "application/pdf", randomBytes(100)).then()
                .statusCode(403).contentType(PROBLEM_JSON).body("type", equalTo("urn:frostline:problem:forbidden"));

        assertNothingStored(tenant);
    }

    @Test
    void badUploadsAreRefusedAndStoreNothing() {
        Tenant tenant = newTenantWithUnit();
        String staff = tenant.token(Role.STAFF);
        byte[] small = randomBytes(100);

        given().config(SEND_CONTENT_TYPE_AS_IS).auth().oauth2(staff).contentType("application/pdf").body(small)
                .post("/api/storage/units/" + tenant.unitId() + "/files")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        for (String badName : List.of("", "../../etc/passwd", "a\\b.pdf", "line\nbreak.pdf", "x".repeat(256))) {
            upload(staff, tenant.unitId(), badName, "application/pdf", small)
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:frostline:problem:validation-failed"));
        }
        upload(staff, tenant.unitId(), "empty.pdf", "application/pdf", new byte[0])
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        // The %test limit is 64K.
        upload(staff, tenant.unitId(), "huge.pdf", "application/pdf", randomBytes(100 * 1024))
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:payload-too-large"));

        assertNothingStored(tenant);
    }

    @Test
    void managerDeleteRemovesMetadataAndObject() {
        Tenant tenant = newTenantWithUnit();
        String id = upload(tenant.token(Role.STAFF), tenant.unitId(), "old-report.pdf", "application/pdf",
                randomBytes(2000)).then().statusCode(201).extract().path("id");

        given().auth().oauth2(tenant.token(Role.STAFF)).delete("/api/storage/files/" + id).then()
                .statusCode(403).contentType(PROBLEM_JSON);
        assertThat(objectKeys(tenant.prefix())).containsExactly(tenant.prefix() + id);

        given().auth().oauth2(tenant.token(Role.MANAGER)).delete("/api/storage/files/" + id).then().statusCode(204);

        given().auth().oauth2(tenant.token(Role.VIEWER)).get("/api/storage/files/" + id).then().statusCode(404);
        given().auth().oauth2(tenant.token(Role.VIEWER)).get("/api/storage/files/" + id + "/content").then()
                .statusCode(404).contentType(PROBLEM_JSON);
        assertNothingStored(tenant);
    }

    @Test
    void readinessIncludesTheS3Bucket() {
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'S3 bucket' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'S3 bucket' }.data.bucket", equalTo(config.bucket()));
    }

    @Test
    void requestsWithoutTokenAreUnauthenticated() {
        given().get("/api/storage/files/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM_JSON);
    }

    private void assertNothingStored(Tenant tenant) {
        given().auth().oauth2(tenant.token(Role.VIEWER)).get("/api/storage/units/" + tenant.unitId() + "/files")
                .then().statusCode(200).body("$", hasSize(0));
        assertThat(objectKeys(tenant.prefix())).isEmpty();
    }

    private List<String> objectKeys(String prefix) {
        return s3.listObjectsV2(request -> request.bucket(config.bucket()).prefix(prefix)).join()
                .contents().stream().map(S3Object::key).toList();
    }

    private static Response upload(String token, UUID unitId, String name, String contentType, byte[] content) {
        return given().config(SEND_CONTENT_TYPE_AS_IS).auth().oauth2(token).contentType(contentType)
                .queryParam("name", name).body(content)
                .post("/api/storage/units/" + unitId + "/files");
    }

    /** Publishes the unit as catalog would, then waits until storage's projection has it. */
    private Tenant newTenantWithUnit() {
        Tenant tenant = new Tenant(UUID.randomUUID(), UUID.randomUUID());
        UnitState state = new UnitState(tenant.unitId(), tenant.orgId(), UUID.randomUUID(), null, "Walk-in cooler",
                "cold_room", false, 1, Instant.now());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CATALOG_UNITS, tenant.unitId().toString(),
                    mapper.writeValueAsString(state))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the unit", e);
        }
        String viewer = tenant.token(Role.VIEWER);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .auth().oauth2(viewer).get("/api/storage/units/" + tenant.unitId() + "/files").statusCode() == 200);
        return tenant;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
