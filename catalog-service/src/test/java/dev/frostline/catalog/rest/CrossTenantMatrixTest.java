package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.NOT_FOUND;
import static dev.frostline.catalog.rest.CatalogApi.assign;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newGateway;
import static dev.frostline.catalog.rest.CatalogApi.newSensor;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.randomEui;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service's own OpenAPI document, called by the owner of org B with the IDs
 * of org A's entities wherever an ID goes. Nothing is listed per endpoint: a new operation is
 * covered when it appears in the document, and the test fails if it has a path parameter or body
 * field it does not know how to fill.
 */
@QuarkusTest
class CrossTenantMatrixTest {

    private static final Pattern PATH_PARAMETER = Pattern.compile("/([a-z-]+)/\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** Example values of the non-ID fields of request bodies, by field name; null means leave it out. */
    private static final Map<String, Supplier<Object>> EXAMPLES = new HashMap<>();

    static {
        EXAMPLES.put("name", () -> "Cross-tenant");
        EXAMPLES.put("timeZone", () -> "UTC");
        EXAMPLES.put("address", () -> "1 Main St");
        EXAMPLES.put("latitude", () -> 1.5);
        EXAMPLES.put("longitude", () -> 2.5);
        EXAMPLES.put("type", () -> "fridge");
        EXAMPLES.put("description", () -> "probe");
        EXAMPLES.put("devEui", CatalogApi::randomEui);
        EXAMPLES.put("serial", () -> null);
        EXAMPLES.put("model", () -> "LHT65");
        EXAMPLES.put("metrics", () -> List.of("temperature_c"));
        EXAMPLES.put("gatewayEui", CatalogApi::randomEui);
        EXAMPLES.put("primary", () -> true);
    }

    @Inject
    ObjectMapper mapper;

    @Test
    void everyOperationAnswersAnotherOrgsIdsWith404AndChangesNothing() throws Exception {
        UUID ownerOfA = UUID.randomUUID();
        UUID orgA = UUID.randomUUID();
        String tokenA = TestTokens.token(ownerOfA, orgA, Role.OWNER);
        String siteId = newSite(tokenA);
        String areaId = newArea(tokenA, siteId);
        String unitId = newUnit(tokenA, areaId);
        String sensorId = newSensor(tokenA);
        assign(tokenA, sensorId, unitId, false).then().statusCode(200);
        String gatewayId = newGateway(tokenA, siteId);

        Map<String, String> idsByCollection = Map.of("sites", siteId, "areas", areaId, "units", unitId,
                "sensors", sensorId, "gateways", gatewayId);
        Map<String, String> idsByField = Map.of("siteId", siteId, "areaId", areaId, "unitId", unitId,
                "sensorId", sensorId, "gatewayId", gatewayId, "entityId", unitId, "actorId", ownerOfA.toString());
        Map<String, String> before = stateOfA(tokenA, idsByCollection);

        String tokenB = TestTokens.newOrgToken(Role.OWNER);
        JsonNode document = mapper.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/catalog")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String operationName = method.toUpperCase() + " " + path.getKey();
                checked.add(operationName);
                boolean referencesA = false;
                List<String> sent = new ArrayList<>();

                String url = path.getKey();
                Matcher parameter = PATH_PARAMETER.matcher(path.getKey());
                while (parameter.find()) {
                    String id = idsByCollection.get(parameter.group(1));
                    if (id == null) {
                        fail(operationName + ": no entity of org A for path parameter {" + parameter.group(2) + "}");
                    }
                    url = url.replace("{" + parameter.group(2) + "}", id);
                    sent.add(id);
                    referencesA = true;
                }
                if (url.contains("{")) {
                    fail(operationName + ": path parameter not filled: " + url);
                }

                RequestSpecification request = given().auth().oauth2(tokenB).header("If-Match", "\"1\"");
                for (JsonNode queryParameter : operation.path("parameters")) {
                    String name = queryParameter.get("name").asText();
                    if ("query".equals(queryParameter.get("in").asText()) && idsByField.containsKey(name)) {
                        request.queryParam(name, idsByField.get(name));
                        sent.add(idsByField.get(name));
                    }
                }
                JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    JsonNode properties = resolve(document, schema).path("properties");
                    for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext();) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        String name = field.getKey();
                        if (idsByField.containsKey(name)) {
                            body.put(name, idsByField.get(name));
                            sent.add(idsByField.get(name));
                            referencesA = true;
                        } else if ("uuid".equals(field.getValue().path("format").asText())) {
                            fail(operationName + ": no entity of org A for body field " + name);
                        } else if (EXAMPLES.containsKey(name)) {
                            Object example = EXAMPLES.get(name).get();
                            if (example != null) {
                                body.put(name, example);
                            }
                        } else {
                            fail(operationName + ": no example value for body field " + name);
                        }
                    }
                    request.contentType(ContentType.JSON).body(body);
                }

                Response response = request.request(method.toUpperCase(), url);
                String answer = response.asString();
                if (referencesA) {
                    assertThat(response.statusCode()).as(operationName + " answered " + answer).isEqualTo(404);
                    assertThat(response.jsonPath().getString("type")).as(operationName).isEqualTo(NOT_FOUND);
                } else {
                    // Creations with no parent and B's own lists: they work on B's org, never show A.
                    assertThat(response.statusCode()).as(operationName + " answered " + answer).isBetween(200, 299);
                }
                // A 404 may repeat the ID the caller sent; any other ID of A would be a leak.
                for (String id : idsByField.values()) {
                    if (!sent.contains(id)) {
                        assertThat(answer).as(operationName + " leaks an ID of org A").doesNotContain(id);
                    }
                }
            }
        }

        assertThat(checked).as("operations found in the OpenAPI document").hasSizeGreaterThanOrEqualTo(30);
        assertThat(stateOfA(tokenA, idsByCollection)).as("org A after the matrix").isEqualTo(before);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        return document.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** Org A's entities as its owner reads them, and its audit log: any change by B would show here. */
    private static Map<String, String> stateOfA(String tokenA, Map<String, String> idsByCollection) {
        Map<String, String> state = new HashMap<>();
        idsByCollection.forEach((collection, id) -> state.put(collection,
                get(tokenA, "/api/catalog/" + collection + "/" + id).then().statusCode(200).extract().asString()));
        state.put("audit", get(tokenA, "/api/catalog/audit?limit=200").then().statusCode(200).extract().asString());
        state.put("history", get(tokenA, "/api/catalog/sensors/" + idsByCollection.get("sensors") + "/assignments")
                .then().extract().asString());
        return state;
    }
}
