package dev.frostline.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.frostline.gateway.stubs.UpstreamStubs;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/** /api/docs against stub services that each serve a small OpenAPI document (realtime's stub serves none). */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiDocsTest {

    @Test
    void swaggerUiIsServedWithoutAToken() {
        given().get("/api/docs").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js"));
        given().get("/api/docs/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        given().get("/api/docs/swagger-ui.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void swaggerUiOffersAllServicesThenEachService() {
        given().get("/api/docs/frostline-initializer.js").then().statusCode(200)
                .body(containsString("{\"name\":\"All services\",\"url\":\"/api/docs/openapi.json\"}"))
                .body(containsString("\"url\":\"/api/docs/catalog/openapi.json\""));
    }

    @Test
    void mergedDocumentHoldsEveryAvailableServicesPaths() {
        given().get("/api/docs/openapi.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("info.title", equalTo("Frostline API"))
                .body("paths", hasKey("/api/identity/things"))
                .body("paths", hasKey("/api/catalog/things"))
                .body("paths", hasKey("/api/telemetry/things"))
                .body("paths", hasKey("/api/alerts/things"))
                .body("paths", hasKey("/api/storage/things"))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
    }

    @Test
    void schemaNameClashIsResolvedPerService() {
        given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/api/docs/openapi.json").then().statusCode(200)
                .body("components.schemas", not(hasKey("Thing")))
                .body("components.schemas", hasKey("catalog.Thing"))
                .body("components.schemas", hasKey("alert.Thing"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas.'catalog.Thing'.properties", hasKey("catalogField"))
                .body("paths.'/api/catalog/things'.get.responses.'200'.content.'application/json'.schema.items.'$ref'",
                        equalTo("#/components/schemas/catalog.Thing"));
    }

    @Test
    void serviceWithoutADocumentIsListedAndTheRestStillServed() {
        given().get("/api/docs/openapi.json").then().statusCode(200)
                .body("'x-frostline-unavailable'", hasItem("realtime"))
                .body("'x-frostline-unavailable'", not(hasItem("catalog")));
    }

    @Test
    void eachServicesOwnDocumentIsServed() {
        given().get("/api/docs/catalog/openapi.json").then().statusCode(200)
                .body("info.title", equalTo("catalog-service"))
                .body("components.schemas", hasKey("Thing"))
                .body("servers[0].url", equalTo("/"));
        given().get("/api/docs/catalog/openapi.yaml").then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("catalog-service"));
    }

    @Test
    void unknownServiceOrFileIsA404Problem() {
        given().get("/api/docs/nosuch/openapi.json").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:frostline:problem:not-found"));
        given().get("/api/docs/index.htm").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unavailableServicesOwnDocumentIsA503Problem() {
        given().get("/api/docs/realtime/openapi.json").then().statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void docsAreReadOnly() {
        given().post("/api/docs/openapi.json").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void swaggerUiFilesAreServedOnlyUnderApiDocs() {
        given().get("/openapi-ui/swagger-ui.css").then().statusCode(404);
        given().get("/openapi-ui/index.html").then().statusCode(404);
    }
}
