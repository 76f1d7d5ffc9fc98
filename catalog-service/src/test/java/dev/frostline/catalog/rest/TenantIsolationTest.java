package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.NOT_FOUND;
import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.createArea;
import static dev.frostline.catalog.rest.CatalogApi.createUnit;
import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Org B's callers must see nothing of org A: every ID of A answers 404, and B's lists hold none of A. */
@QuarkusTest
class TenantIsolationTest {

    private String ownerA;
    private String ownerB;
    private String siteOfA;
    private String areaOfA;
    private String unitOfA;

    @BeforeEach
    void orgAWithAHierarchy() {
        ownerA = TestTokens.newOrgToken(Role.OWNER);
        ownerB = TestTokens.newOrgToken(Role.OWNER);
        siteOfA = newSite(ownerA);
        areaOfA = newArea(ownerA, siteOfA);
        unitOfA = newUnit(ownerA, areaOfA);
    }

    @Test
    void anotherOrgsSiteAreaAndUnitAreNotFound() {
        get(ownerB, SiteResource.PATH + "/" + siteOfA).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(NOT_FOUND));
        get(ownerB, AreaResource.PATH + "/" + areaOfA).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(NOT_FOUND));
        get(ownerB, UnitResource.PATH + "/" + unitOfA).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(NOT_FOUND));
    }

    @Test
    void anotherOrgsUnitCannotBeDeleted() {
        delete(ownerB, UnitResource.PATH + "/" + unitOfA).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(NOT_FOUND));
        // Whatever B's role: a viewer of B gets 404 too, never a 403 that would confirm the unit exists.
        delete(TestTokens.newOrgToken(Role.VIEWER), UnitResource.PATH + "/" + unitOfA).then().statusCode(404);

        get(ownerA, UnitResource.PATH + "/" + unitOfA).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void anotherOrgsSiteAndAreaCannotBeParents() {
        createArea(ownerB, siteOfA, "Intruder").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(NOT_FOUND))
                .body("detail", containsString("site " + siteOfA));
        createUnit(ownerB, areaOfA, "Intruder", "fridge").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(NOT_FOUND))
                .body("detail", containsString("area " + areaOfA));
        createArea(TestTokens.newOrgToken(Role.VIEWER), siteOfA, "Intruder").then().statusCode(404);

        get(ownerA, AreaResource.PATH + "?siteId=" + siteOfA).then().body("items", hasSize(1));
        get(ownerA, UnitResource.PATH + "?areaId=" + areaOfA).then().body("items", hasSize(1));
    }

    @Test
    void listsOfAnotherOrgHoldNoneOfItsItems() {
        String siteOfB = newSite(ownerB);
        String areaOfB = newArea(ownerB, siteOfB);
        String unitOfB = newUnit(ownerB, areaOfB);

        get(ownerB, SiteResource.PATH).then().statusCode(200).body("items.id", equalTo(java.util.List.of(siteOfB)));
        get(ownerB, AreaResource.PATH).then().statusCode(200).body("items.id", equalTo(java.util.List.of(areaOfB)));
        get(ownerB, UnitResource.PATH).then().statusCode(200).body("items.id", equalTo(java.util.List.of(unitOfB)));
        // Filtering by A's parents finds nothing rather than A's children.
        get(ownerB, AreaResource.PATH + "?siteId=" + siteOfA).then().statusCode(200).body("items", hasSize(0));
        get(ownerB, UnitResource.PATH + "?areaId=" + areaOfA).then().statusCode(200).body("items", hasSize(0));
        get(ownerB, UnitResource.PATH + "?siteId=" + siteOfA).then().statusCode(200).body("items", hasSize(0));
    }
}
