package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.assign;
import static dev.frostline.catalog.rest.CatalogApi.createUnit;
import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newGateway;
import static dev.frostline.catalog.rest.CatalogApi.newSensor;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.postEmpty;
import static dev.frostline.catalog.rest.CatalogApi.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Soft delete, the deleted lists, restore, and the hierarchy rules both impose. */
@QuarkusTest
class LifecycleTest {

    private String owner;
    private String siteId;
    private String areaId;

    @BeforeEach
    void orgWithASiteAndAnArea() {
        owner = TestTokens.newOrgToken(Role.OWNER);
        siteId = newSite(owner);
        areaId = newArea(owner, siteId);
    }

    @Test
    void deletingASiteWithLiveChildrenIsRefusedWithTheChildrenNamed() {
        String secondArea = newArea(owner, siteId);
        String gatewayId = newGateway(owner, siteId);

        delete(owner, SiteResource.PATH + "/" + siteId).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("has-live-children")))
                .body("detail", containsString("2 live areas and 1 live gateway"))
                .body("errors.type", contains("area", "gateway"))
                .body("errors[0].count", equalTo(2))
                .body("errors[0].firstIds", containsInAnyOrder(areaId, secondArea))
                .body("errors[1].firstIds", contains(gatewayId));
        get(owner, SiteResource.PATH + "/" + siteId).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void deletingAnAreaWithLiveUnitsOrAUnitWithASensorIsRefused() {
        String unitId = newUnit(owner, areaId);
        delete(owner, AreaResource.PATH + "/" + areaId).then().statusCode(409)
                .body("type", equalTo(problem("has-live-children")))
                .body("errors[0].type", equalTo("unit"))
                .body("errors[0].firstIds", contains(unitId));

        String sensorId = newSensor(owner);
        assign(owner, sensorId, unitId, true).then().statusCode(200);
        delete(owner, UnitResource.PATH + "/" + unitId).then().statusCode(409)
                .body("errors[0].type", equalTo("sensor"))
                .body("errors[0].firstIds", contains(sensorId));
        get(owner, UnitResource.PATH + "/" + unitId).then().statusCode(200).body("deletedAt", nullValue());
    }

    @Test
    void deletedItemsAreListedOnlyUnderDeletedAndCanBeRestored() {
        String kept = newUnit(owner, areaId);
        String removed = newUnit(owner, areaId);

        delete(owner, UnitResource.PATH + "/" + removed).then().statusCode(204);

        get(owner, UnitResource.PATH + "?areaId=" + areaId).then().body("items.id", contains(kept));
        get(owner, UnitResource.PATH + "?areaId=" + areaId + "&deleted=true").then()
                .body("items.id", contains(removed))
                .body("items[0].deletedAt", notNullValue())
                .body("items[0].version", equalTo(2));
        get(owner, UnitResource.PATH + "/" + removed).then().statusCode(404);

        postEmpty(owner, UnitResource.PATH + "/" + removed + "/restore").then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("deletedAt", nullValue())
                .body("version", equalTo(3));
        get(owner, UnitResource.PATH + "?areaId=" + areaId).then().body("items.id", containsInAnyOrder(kept, removed));
        get(owner, UnitResource.PATH + "?deleted=true").then().body("items", hasSize(0));
        postEmpty(owner, UnitResource.PATH + "/" + removed + "/restore").then().statusCode(409)
                .body("type", equalTo(problem("not-deleted")));
    }

    @Test
    void aChildOfADeletedParentCannotBeRestoredOrCreated() {
        String unitId = newUnit(owner, areaId);
        delete(owner, UnitResource.PATH + "/" + unitId).then().statusCode(204);
        delete(owner, AreaResource.PATH + "/" + areaId).then().statusCode(204);

        postEmpty(owner, UnitResource.PATH + "/" + unitId + "/restore").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("parent-deleted")))
                .body("detail", containsString("area " + areaId));
        createUnit(owner, areaId, "Late fridge", "fridge").then().statusCode(409)
                .body("type", equalTo(problem("parent-deleted")));
        get(owner, UnitResource.PATH + "?deleted=true").then().body("items.id", contains(unitId));
        get(owner, UnitResource.PATH).then().body("items", hasSize(0));

        // Top-down restore works.
        postEmpty(owner, AreaResource.PATH + "/" + areaId + "/restore").then().statusCode(200);
        postEmpty(owner, UnitResource.PATH + "/" + unitId + "/restore").then().statusCode(200);
        get(owner, UnitResource.PATH + "/" + unitId).then().statusCode(200);
    }

    @Test
    void everyKindOfEntityCanBeDeletedAndRestored() {
        String sensorId = newSensor(owner);
        String gatewayId = newGateway(owner, siteId);
        for (String path : new String[] { SensorResource.PATH + "/" + sensorId, GatewayResource.PATH + "/" + gatewayId,
                AreaResource.PATH + "/" + areaId }) {
            delete(owner, path).then().statusCode(204);
            get(owner, path).then().statusCode(404);
            delete(owner, path).then().statusCode(404);
        }
        delete(owner, SiteResource.PATH + "/" + siteId).then().statusCode(204);
        get(owner, SiteResource.PATH + "?deleted=true").then().body("items.id", contains(siteId));
        for (String path : new String[] { SiteResource.PATH + "/" + siteId, AreaResource.PATH + "/" + areaId,
                GatewayResource.PATH + "/" + gatewayId, SensorResource.PATH + "/" + sensorId }) {
            postEmpty(owner, path + "/restore").then().statusCode(200).body("deletedAt", nullValue());
            get(owner, path).then().statusCode(200);
        }
    }
}
