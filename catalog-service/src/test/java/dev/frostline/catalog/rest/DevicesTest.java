package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.assign;
import static dev.frostline.catalog.rest.CatalogApi.createGateway;
import static dev.frostline.catalog.rest.CatalogApi.createSensor;
import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSensor;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.post;
import static dev.frostline.catalog.rest.CatalogApi.postEmpty;
import static dev.frostline.catalog.rest.CatalogApi.problem;
import static dev.frostline.catalog.rest.CatalogApi.randomEui;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sensors, their assignments and history, and gateways. */
@QuarkusTest
class DevicesTest {

    private String owner;
    private String siteId;
    private String unitId;

    @BeforeEach
    void orgWithAUnit() {
        owner = TestTokens.newOrgToken(Role.OWNER);
        siteId = newSite(owner);
        unitId = newUnit(owner, newArea(owner, siteId));
    }

    @Test
    void aSensorIsRegisteredWithItsDevEuiNormalized() {
        String eui = randomEui();
        String dashed = eui.toLowerCase().replaceAll("(..)(?!$)", "$1-");
        createSensor(owner, "Door probe", dashed).then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("devEui", equalTo(eui))
                .body("serial", nullValue())
                .body("model", equalTo("LHT65"))
                .body("metrics", contains("temperature_c", "humidity_pct"))
                .body("unitId", nullValue())
                .body("primary", equalTo(false));
        post(owner, SensorResource.PATH, Map.of("name", "Vendor probe", "serial", "SN-" + eui, "model", "X1",
                "metrics", List.of("door_open", "battery_pct", "door_open"))).then().statusCode(201)
                .body("serial", equalTo("SN-" + eui))
                .body("metrics", contains("door_open", "battery_pct"));
    }

    @Test
    void aDevEuiRegisteredInAnotherOrgIsADuplicateWithoutSayingWhere() {
        String eui = randomEui();
        String sensorOfA = createSensor(owner, "Probe", eui).then().statusCode(201).extract().path("id");
        String ownerB = TestTokens.newOrgToken(Role.OWNER);

        createSensor(ownerB, "Mine", eui.toLowerCase()).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("duplicate-sensor")))
                .body("detail", not(containsString(sensorOfA)));
        get(ownerB, SensorResource.PATH).then().body("items", hasSize(0));
    }

    @Test
    void assigningPrimaryDemotesThePreviousPrimaryAndKeepsHistory() {
        String first = newSensor(owner);
        String second = newSensor(owner);

        assign(owner, first, unitId, true).then().statusCode(200)
                .body("unitId", equalTo(unitId)).body("primary", equalTo(true)).header("ETag", equalTo("\"2\""));
        assign(owner, second, unitId, true).then().statusCode(200).body("primary", equalTo(true));
        get(owner, SensorResource.PATH + "/" + first).then().body("primary", equalTo(false)).body("unitId", equalTo(unitId));
        get(owner, SensorResource.PATH + "?unitId=" + unitId).then().body("items", hasSize(2));

        postEmpty(owner, SensorResource.PATH + "/" + first + "/assignment/primary").then().statusCode(200)
                .body("primary", equalTo(true));
        get(owner, SensorResource.PATH + "/" + second).then().body("primary", equalTo(false));

        delete(owner, SensorResource.PATH + "/" + first + "/assignment").then().statusCode(200)
                .body("unitId", nullValue()).body("primary", equalTo(false));
        get(owner, SensorResource.PATH + "/" + first + "/assignments").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.primary", contains(true, false, true))
                .body("items[0].assignedTo", notNullValue())
                .body("items.unitId", contains(unitId, unitId, unitId));
        get(owner, SensorResource.PATH + "/" + second + "/assignments").then()
                .body("items.primary", contains(false, true))
                .body("items[0].assignedTo", nullValue());
        delete(owner, SensorResource.PATH + "/" + first + "/assignment").then().statusCode(409)
                .body("type", equalTo(problem("sensor-not-assigned")));
    }

    @Test
    void aSensorAlreadyAssignedCannotBeAssignedAgain() {
        String sensorId = newSensor(owner);
        String otherUnit = newUnit(owner, newArea(owner, siteId));
        assign(owner, sensorId, unitId, false).then().statusCode(200);

        assign(owner, sensorId, otherUnit, false).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("sensor-already-assigned")));
        assign(owner, sensorId, unitId, true).then().statusCode(409);
        get(owner, SensorResource.PATH + "/" + sensorId).then().body("unitId", equalTo(unitId))
                .body("primary", equalTo(false)).body("version", equalTo(2));
        get(owner, SensorResource.PATH + "/" + sensorId + "/assignments").then().body("items", hasSize(1));
    }

    @Test
    void deletingAnAssignedSensorEndsItsAssignment() {
        String sensorId = newSensor(owner);
        assign(owner, sensorId, unitId, true).then().statusCode(200);
        delete(owner, SensorResource.PATH + "/" + sensorId).then().statusCode(204);

        get(owner, SensorResource.PATH + "/" + sensorId + "/assignments").then().body("items[0].assignedTo", notNullValue());
        get(owner, SensorResource.PATH + "?unitId=" + unitId).then().body("items", hasSize(0));
        delete(owner, UnitResource.PATH + "/" + unitId).then().statusCode(204);
    }

    @Test
    void aGatewayBelongsToALiveSiteAndItsEuiIsUniqueAcrossOrgs() {
        String eui = randomEui();
        createGateway(owner, siteId, eui).then().statusCode(201)
                .body("siteId", equalTo(siteId)).body("gatewayEui", equalTo(eui));
        String ownerB = TestTokens.newOrgToken(Role.OWNER);
        createGateway(ownerB, newSite(ownerB), eui).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("duplicate-gateway")));
        createGateway(ownerB, siteId, randomEui()).then().statusCode(404);
        get(ownerB, GatewayResource.PATH).then().body("items", hasSize(0));
        get(owner, GatewayResource.PATH + "?siteId=" + siteId).then().body("items", hasSize(1));
    }
}
