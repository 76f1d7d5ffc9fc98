package dev.frostline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route table comes from configuration: overriding it changes what the running gateway does. */
@QuarkusTest
@TestProfile(RouteOverrideTest.MovedRoutes.class)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RouteOverrideTest {

    static final String TOKEN = TestTokens.newOrgToken(Role.MANAGER);

    public static class MovedRoutes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "frostline.gateway.routes.catalog", "/api/catalog/**,/v2/catalog/**",
                    "frostline.gateway.public-endpoints", "POST /api/identity/token,GET /v2/catalog/status");
        }
    }

    @Test
    void aRouteAddedOutsideApiIsMountedAndForwardedUnchanged() {
        given().auth().oauth2(TOKEN).get("/v2/catalog/sites/7?x=1")
                .then().statusCode(200)
                .header("X-Upstream-Area", "catalog")
                .body("path", equalTo("/v2/catalog/sites/7"))
                .body("query", equalTo("x=1"));
        given().get("/v2/catalog/sites/7")
                .then().statusCode(401)
                .body("type", equalTo("urn:frostline:problem:unauthenticated"));
    }

    @Test
    void theConfiguredPublicEndpointsAreTheOnlyOnes() {
        given().get("/v2/catalog/status")
                .then().statusCode(200).body("area", equalTo("catalog"));
        given().contentType(ContentType.JSON).body("{}").post("/api/identity/token")
                .then().statusCode(200).body("area", equalTo("identity"));
        // Public by default, not in this table.
        given().contentType(ContentType.JSON).body("{}").post("/api/identity/signup")
                .then().statusCode(401);
    }
}
