package dev.frostline.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** %test allows the origin https://app.frostline.test only. */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EdgeCorsTest {

    static final String ALLOWED = "https://app.frostline.test";
    static final String TOKEN = TestTokens.newOrgToken(Role.MANAGER);

    @Test
    void preflightFromAnAllowedOriginIsAnsweredByTheGatewayWithoutAToken() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/catalog/units/5")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", "3600")
                .header("Vary", containsString("Origin"))
                // Answered at the edge: the upstream would have echoed and tagged its answer.
                .header("X-Upstream-Area", nullValue());
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/catalog/units/5")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }

    @Test
    void proxiedResponseToAnAllowedOriginCarriesCorsHeadersAndExposesTheRequestId() {
        given().auth().oauth2(TOKEN).header("Origin", ALLOWED)
                .get("/api/catalog/sites")
                .then().statusCode(200)
                .body("area", equalTo("catalog"))
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void refusalsToAnAllowedOriginAreReadableByTheBrowserToo() {
        given().header("Origin", ALLOWED)
                .get("/api/catalog/sites")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", ALLOWED);
    }

    @Test
    void proxiedResponseToAnotherOriginHasNoCorsHeaders() {
        given().auth().oauth2(TOKEN).header("Origin", "https://evil.example")
                .get("/api/catalog/sites")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }
}
