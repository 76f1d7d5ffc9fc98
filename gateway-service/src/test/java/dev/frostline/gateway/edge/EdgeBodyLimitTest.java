package dev.frostline.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Limits are the defaults: 1M for every area but storage, 33M for storage. */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EdgeBodyLimitTest {

    static final String TOKEN = TestTokens.newOrgToken(Role.MANAGER);
    static final int ONE_MEGABYTE = 1024 * 1024;

    @ConfigProperty(name = "test.stub.catalog")
    String catalogStub;

    @Test
    void announcedOversizedBodyIsRefusedWith413BeforeTheUpstreamIsCalled() {
        int before = catalogRequests();

        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(new byte[ONE_MEGABYTE + 1])
                .post("/api/catalog/units")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", startsWith("Request bodies for catalog are limited to"));

        assertThat(catalogRequests()).isEqualTo(before);
    }

    @Test
    void chunkedBodyIsCountedAndRefusedWith413OnceOverTheLimit() {
        given().auth().oauth2(TOKEN).contentType("application/octet-stream")
                .body(new ByteArrayInputStream(new byte[2 * ONE_MEGABYTE]))
                .post("/api/catalog/units")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:payload-too-large"));
    }

    @Test
    void bodyAtTheLimitPasses() {
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(new byte[ONE_MEGABYTE])
                .post("/api/catalog/units")
                .then().statusCode(200)
                .body("bodyLength", equalTo(ONE_MEGABYTE));
    }

    @Test
    void storageAcceptsBodiesOverTheGeneralLimit() {
        given().auth().oauth2(TOKEN).contentType("application/octet-stream")
                .body(new ByteArrayInputStream(new byte[2 * ONE_MEGABYTE]))
                .post("/api/storage/files")
                .then().statusCode(200)
                .body("bodyLength", equalTo(2 * ONE_MEGABYTE));
    }

    private int catalogRequests() {
        return Integer.parseInt(given().baseUri(catalogStub).port(-1).get("/stub/requests").asString());
    }
}
