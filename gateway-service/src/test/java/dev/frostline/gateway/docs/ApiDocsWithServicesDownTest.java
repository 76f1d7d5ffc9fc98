package dev.frostline.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.frostline.gateway.stubs.UnreachableUpstreamStubs;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Services that refuse connections leave only their own paths out of the merged document. */
@QuarkusTest
@WithTestResource(value = UnreachableUpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiDocsWithServicesDownTest {

    @Test
    void downServicesAreListedAndTheOthersStillMerged() {
        given().get("/api/docs/openapi.json").then().statusCode(200)
                .body("'x-frostline-unavailable'", hasItems("identity", "catalog", "alert", "realtime"))
                .body("paths", hasKey("/api/telemetry/things"))
                .body("paths", hasKey("/api/storage/things"))
                .body("paths", not(hasKey("/api/catalog/things")));
    }
}
