package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.MALFORMED_REQUEST;
import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.VALIDATION_FAILED;
import static dev.frostline.catalog.rest.CatalogApi.createArea;
import static dev.frostline.catalog.rest.CatalogApi.createSite;
import static dev.frostline.catalog.rest.CatalogApi.createUnit;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.frostline.catalog.hierarchy.CatalogName;
import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every malformed request is a 400 problem with a stable type, and nothing is stored. */
@QuarkusTest
class BadInputTest {

    private static final String TOO_LONG = "n".repeat(CatalogName.MAX_LENGTH + 1);

    private String owner;

    @BeforeEach
    void freshOrg() {
        owner = TestTokens.newOrgToken(Role.OWNER);
    }

    @Test
    void unknownTimeZoneIsRefused() {
        post(owner, SiteResource.PATH, Map.of("name", "Store", "timeZone", "Mars/Olympus_Mons"))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors[0].field", equalTo("timeZone"))
                .body("detail", containsString("IANA"));
        get(owner, SiteResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void unknownUnitTypeIsRefused() {
        String areaId = newArea(owner, newSite(owner));
        for (String type : new String[] { "cellar", "Fridge", "" }) {
            createUnit(owner, areaId, "Unit", type).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(VALIDATION_FAILED))
                    .body("errors[0].field", equalTo("type"))
                    .body("detail", containsString("fridge, freezer, walk_in, room, other"));
        }
        createUnit(owner, areaId, "Unit", null).then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
        get(owner, UnitResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void overLongOrBlankNamesAreRefusedAtEveryLevel() {
        createSite(owner, TOO_LONG).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("name"));
        createSite(owner, "   ").then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
        String siteId = newSite(owner);
        createArea(owner, siteId, TOO_LONG).then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
        String areaId = newArea(owner, siteId);
        createUnit(owner, areaId, TOO_LONG, "fridge").then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));

        get(owner, SiteResource.PATH).then().body("items", hasSize(1));
        get(owner, AreaResource.PATH).then().body("items", hasSize(1));
        get(owner, UnitResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void malformedJsonIsRefused() {
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"name\": \"Store\"")
                .post(SiteResource.PATH).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(MALFORMED_REQUEST));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("")
                .post(SiteResource.PATH).then().statusCode(400).contentType(PROBLEM_JSON);
        get(owner, SiteResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void unknownFieldIsRefused() {
        post(owner, SiteResource.PATH, Map.of("name", "Store", "timezone", "UTC"))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("detail", containsString("timezone"));
        get(owner, SiteResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void malformedIdsAreRefused() {
        post(owner, AreaResource.PATH, Map.of("siteId", "not-a-uuid", "name", "Room"))
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(VALIDATION_FAILED));
        post(owner, AreaResource.PATH, Map.of("name", "Room"))
                .then().statusCode(400).body("type", equalTo(VALIDATION_FAILED)).body("errors[0].field", equalTo("siteId"));
        get(owner, UnitResource.PATH + "?areaId=not-a-uuid").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED));
        get(owner, AreaResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void invalidSiteFieldsAreRefused() {
        for (Map<String, Object> site : java.util.List.<Map<String, Object>>of(
                Map.of("name", "Store", "latitude", 45.0),
                Map.of("name", "Store", "latitude", 91.0, "longitude", 0.0),
                Map.of("name", "Store", "latitude", 0.0, "longitude", -181.0),
                Map.of("name", "Store", "address", "a".repeat(501)))) {
            post(owner, SiteResource.PATH, site).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(VALIDATION_FAILED));
        }
        get(owner, SiteResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void invalidDeviceFieldsAreRefused() {
        String siteId = newSite(owner);
        for (Map<String, Object> sensor : java.util.List.<Map<String, Object>>of(
                Map.of("name", "P", "devEui", "12345", "model", "M", "metrics", java.util.List.of("temperature_c")),
                Map.of("name", "P", "devEui", "0011223344556677", "serial", "S1", "model", "M",
                        "metrics", java.util.List.of("temperature_c")),
                Map.of("name", "P", "model", "M", "metrics", java.util.List.of("temperature_c")),
                Map.of("name", "P", "serial", "S1", "model", "M", "metrics", java.util.List.of("pressure")),
                Map.of("name", "P", "serial", "S1", "model", "M", "metrics", java.util.List.of()),
                Map.of("name", "P", "serial", "S1", "model", "m".repeat(101), "metrics", java.util.List.of("door_open")))) {
            post(owner, SensorResource.PATH, sensor).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(VALIDATION_FAILED));
        }
        post(owner, GatewayResource.PATH, Map.of("siteId", siteId, "name", "G", "gatewayEui", "not-an-eui"))
                .then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
        get(owner, SensorResource.PATH).then().body("items", hasSize(0));
        get(owner, GatewayResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void aParentOfAnotherOrgIsNotFoundAndNothingIsStored() {
        String otherOwner = TestTokens.newOrgToken(Role.OWNER);
        String foreignSite = newSite(otherOwner);
        String foreignArea = newArea(otherOwner, foreignSite);
        createArea(owner, foreignSite, "Room").then().statusCode(404).body("type", equalTo(CatalogApi.NOT_FOUND));
        createUnit(owner, foreignArea, "Fridge", "fridge").then().statusCode(404);
        post(owner, GatewayResource.PATH, Map.of("siteId", foreignSite, "name", "G", "gatewayEui", CatalogApi.randomEui()))
                .then().statusCode(404);
        get(owner, AreaResource.PATH).then().body("items", hasSize(0));
        get(owner, UnitResource.PATH).then().body("items", hasSize(0));
        get(owner, GatewayResource.PATH).then().body("items", hasSize(0));
        get(otherOwner, AreaResource.PATH).then().body("items", hasSize(1));
    }

    @Test
    void movingAUnitOrAssigningASensorIntoAnotherOrgIsNotFoundAndChangesNothing() {
        String otherOwner = TestTokens.newOrgToken(Role.OWNER);
        String foreignArea = newArea(otherOwner, newSite(otherOwner));
        String foreignUnit = CatalogApi.newUnit(otherOwner, foreignArea);
        String areaId = newArea(owner, newSite(owner));
        String unitId = CatalogApi.newUnit(owner, areaId);
        String sensorId = CatalogApi.newSensor(owner);

        CatalogApi.put(owner, UnitResource.PATH + "/" + unitId, "\"1\"",
                Map.of("areaId", foreignArea, "name", "Freezer", "type", "freezer"))
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(CatalogApi.NOT_FOUND));
        CatalogApi.assign(owner, sensorId, foreignUnit, true)
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(CatalogApi.NOT_FOUND));

        get(owner, UnitResource.PATH + "/" + unitId).then().body("areaId", equalTo(areaId)).body("version", equalTo(1));
        get(owner, SensorResource.PATH + "/" + sensorId).then().body("unitId", equalTo(null)).body("version", equalTo(1));
        get(otherOwner, UnitResource.PATH + "?areaId=" + foreignArea).then().body("items", hasSize(1));
        get(owner, SensorResource.PATH + "/" + sensorId + "/assignments").then().body("items", hasSize(0));
    }

    @Test
    void overLongSensorAndGatewayNamesAreRefused() {
        post(owner, SensorResource.PATH, Map.of("name", TOO_LONG, "devEui", CatalogApi.randomEui(), "model", "LHT65",
                "metrics", java.util.List.of("temperature_c")))
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(VALIDATION_FAILED))
                .body("errors[0].field", equalTo("name"));
        String siteId = newSite(owner);
        post(owner, GatewayResource.PATH, Map.of("siteId", siteId, "name", TOO_LONG, "gatewayEui", CatalogApi.randomEui()))
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(VALIDATION_FAILED))
                .body("errors[0].field", equalTo("name"));
        get(owner, SensorResource.PATH).then().body("items", hasSize(0));
        get(owner, GatewayResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void updatesAreValidatedLikeCreations() {
        String siteId = newSite(owner);
        CatalogApi.put(owner, SiteResource.PATH + "/" + siteId, "\"1\"", Map.of("name", "Store", "timeZone", "Mars/Base"))
                .then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
        CatalogApi.put(owner, SiteResource.PATH + "/" + siteId, "\"1\"", Map.of("name", TOO_LONG))
                .then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
        CatalogApi.put(owner, SiteResource.PATH + "/" + siteId, "\"1\"", Map.of("name", "Store", "timezone", "UTC"))
                .then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
        get(owner, SiteResource.PATH + "/" + siteId).then().body("version", equalTo(1)).body("timeZone", equalTo("UTC"));
    }
}
