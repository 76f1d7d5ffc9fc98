package dev.frostline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewayRoutingTest {

    static final String TOKEN = TestTokens.newOrgToken(Role.MANAGER);

    @ConfigProperty(name = "test.stub.identity")
    String identityStub;

    @ParameterizedTest
    @CsvSource({
            "/api/identity/me, identity",
            "/api/catalog/sites/7d3c/areas, catalog",
            "/api/telemetry/units/42/readings, telemetry",
            "/api/alerts/open, alert",
            "/api/storage/files/abc, storage",
            "/api/catalog, catalog" })
    void eachAreaPrefixReachesItsUpstreamWithPathAndQueryUnchanged(String path, String area) {
        given().auth().oauth2(TOKEN).urlEncodingEnabled(false)
                .get(path + "?from=2024-01-01T00:00:00Z&tag=a%20b&tag=c")
                .then().statusCode(200)
                .header("X-Upstream-Area", area)
                .body("area", equalTo(area))
                .body("method", equalTo("GET"))
                .body("path", equalTo(path))
                .body("query", equalTo("from=2024-01-01T00:00:00Z&tag=a%20b&tag=c"))
                .body("headers.authorization[0]", equalTo("Bearer " + TOKEN));
    }

    @Test
    void methodBodyAndEndToEndHeadersReachTheUpstreamAndHopByHopHeadersDoNot() {
        Response response = given().auth().oauth2(TOKEN)
                .contentType(ContentType.JSON)
                .header("X-Custom", "kept")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("TE", "trailers")
                .body("{\"name\":\"Freezer 3\"}")
                .put("/api/catalog/units/5?dryRun=true");

        response.then().statusCode(200)
                .body("method", equalTo("PUT"))
                .body("path", equalTo("/api/catalog/units/5"))
                .body("query", equalTo("dryRun=true"))
                .body("bodyStart", equalTo("{\"name\":\"Freezer 3\"}"))
                .body("bodyLength", equalTo(20))
                .body("headers.'x-custom'[0]", equalTo("kept"))
                .body("headers.'content-type'[0]", startsWith("application/json"))
                .body("headers.'proxy-authorization'", nullValue())
                .body("headers.te", nullValue())
                .body("headers.'x-forwarded-proto'[0]", equalTo("http"))
                .body("headers.'x-forwarded-host'[0]", equalTo("localhost:18080"))
                .body("headers.'x-forwarded-for'[0]", equalTo("127.0.0.1"));
    }

    @Test
    void upstreamStatusHeadersAndBodyComeBackButItsHopByHopHeadersDoNot() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{}")
                .post("/api/alerts/rules/echo-status/201")
                .then().statusCode(201)
                .header("Location", "/api/alerts/rules/echo-status/201/created-1")
                .header("X-Upstream-Area", "alert")
                .header("X-Stub-Hop", nullValue())
                .contentType(ContentType.JSON)
                .body("area", equalTo("alert"));
    }

    @Test
    void requestIdIsGeneratedSentUpstreamAndReturned() {
        Response response = given().auth().oauth2(TOKEN).get("/api/catalog/sites");
        String requestId = response.header("X-Request-Id");

        assertThat(requestId).isNotBlank();
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(response.<List<String>>path("headers.'x-request-id'")).containsExactly(requestId);
    }

    @Test
    void clientRequestIdIsKeptWhenSaneAndReplacedWhenNot() {
        given().auth().oauth2(TOKEN).header("X-Request-Id", "client-trace.42")
                .get("/api/catalog/sites")
                .then().statusCode(200)
                .header("X-Request-Id", "client-trace.42")
                .body("headers.'x-request-id'[0]", equalTo("client-trace.42"));

        String replaced = given().auth().oauth2(TOKEN).header("X-Request-Id", "<script>alert(1)</script>")
                .get("/api/catalog/sites").header("X-Request-Id");
        assertThat(UUID.fromString(replaced)).isNotNull();
    }

    @Test
    void publicEndpointsPassWithoutAToken() {
        given().contentType(ContentType.JSON).body("{}").post("/api/identity/signup")
                .then().statusCode(200).body("area", equalTo("identity"));
        given().contentType(ContentType.JSON).body("{}").post("/api/identity/token")
                .then().statusCode(200).body("area", equalTo("identity"));
        given().contentType(ContentType.JSON).header("X-API-Key", "fl_device_key")
                .body("{\"readings\":[]}").post("/api/telemetry/readings")
                .then().statusCode(200)
                .body("area", equalTo("telemetry"))
                .body("headers.'x-api-key'[0]", equalTo("fl_device_key"));
    }

    @Test
    void jwksIsPublicAndServedByIdentity() {
        given().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .header("X-Upstream-Area", "identity")
                .body("keys[0].kid", equalTo("frostline-test-key"));
    }

    @Test
    void unknownApiPathIsANotFoundProblem() {
        for (String path : List.of("/api/unknown/things", "/api/catalogue", "/api")) {
            given().auth().oauth2(TOKEN).get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:frostline:problem:not-found"))
                    .body("status", equalTo(404))
                    .body("title", equalTo("Resource not found"));
        }
    }

    @Test
    void pathWithDotSegmentsIsRefusedInsteadOfForwarded() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .post("/api/telemetry/readings/%2e%2e/%2e%2e/catalog/sites")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:malformed-request"));
    }

    @Test
    void fiveMegabyteUploadStreamsThroughIntact() throws Exception {
        byte[] file = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(file);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));

        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(file)
                .post("/api/storage/files")
                .then().statusCode(200)
                .body("headers.'content-length'[0]", equalTo(String.valueOf(file.length)))
                .body("bodyLength", equalTo(file.length))
                .body("bodySha256", equalTo(sha256));

        // Without a Content-Length the body is chunked to the upstream, and arrives just the same.
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(new ByteArrayInputStream(file))
                .post("/api/storage/files")
                .then().statusCode(200)
                .body("bodyLength", equalTo(file.length))
                .body("bodySha256", equalTo(sha256));
    }

    @Test
    void largeResponseStreamsBackIntact() {
        int bytes = 5 * 1024 * 1024 + 17;
        byte[] body = given().auth().oauth2(TOKEN).get("/api/storage/files/big/download?bytes=" + bytes)
                .then().statusCode(200).extract().asByteArray();
        assertThat(body).hasSize(bytes);
    }

    @Test
    void upstreamThatNeverAnswersIsAGatewayTimeoutProblem() {
        given().auth().oauth2(TOKEN).get("/api/catalog/reports/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:upstream-timeout"))
                .body("detail", startsWith("catalog did not answer in time"));
    }

    @Test
    void upstreamThatHangsUpIsABadGatewayProblemAndTheNextRequestIsServed() {
        given().auth().oauth2(TOKEN).get("/api/catalog/reports/hang-up")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:bad-gateway"))
                .body("detail", startsWith("catalog closed the connection without answering"));
        given().auth().oauth2(TOKEN).get("/api/catalog/sites").then().statusCode(200);
    }

    /**
     * An answer that arrives before the upload is sent must not leave a timer behind on the pooled
     * connection: one did (armed once the body was out, after the head), and closed the connection
     * a response timeout (3 s here) plus a second later, failing whichever request was on it then
     * with a 502. Requests of about a second each, one after another on the same pool, span that
     * moment.
     */
    @Test
    void anAnswerBeforeTheUploadEndsLeavesThePooledConnectionHealthy() {
        byte[] body = new byte[4 * 1024 * 1024];
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(body)
                .post("/api/storage/files/answer-early")
                .then().statusCode(200);
        long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < until) {
            given().auth().oauth2(TOKEN).get("/api/storage/files/delayed?millis=900")
                    .then().statusCode(200);
        }
    }

    @Test
    void jwksIsFetchedOnceNotPerRequest() {
        given().auth().oauth2(TOKEN).get("/api/catalog/sites").then().statusCode(200);
        String before = given().get(identityStub + "/stub/jwks-fetches").asString();

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TestTokens.newOrgToken(Role.VIEWER)).get("/api/catalog/sites").then().statusCode(200);
        }

        String after = given().get(identityStub + "/stub/jwks-fetches").asString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void gatewayOwnEndpointsStayLocal() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // The JWKS is fetched asynchronously at start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                        .body("checks[0].data.jwksLoaded", equalTo(true)));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
