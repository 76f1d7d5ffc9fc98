package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.createArea;
import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HierarchyResourceTest {

    @Test
    void ownerCreatesSiteAreaAndUnitAndReadsThemBack() {
        UUID orgId = UUID.randomUUID();
        String owner = TestTokens.token(UUID.randomUUID(), orgId, Role.OWNER);

        Response site = post(owner, SiteResource.PATH, Map.of("name", "  Store 7 ", "timeZone", "Europe/Berlin"));
        site.then().statusCode(201)
                .header("Location", endsWith(SiteResource.PATH + "/" + site.path("id")))
                .body("orgId", equalTo(orgId.toString()))
                .body("name", equalTo("Store 7"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        String siteId = site.path("id");

        Response area = createArea(owner, siteId, "Back room");
        area.then().statusCode(201)
                .body("orgId", equalTo(orgId.toString()))
                .body("siteId", equalTo(siteId))
                .body("name", equalTo("Back room"));
        String areaId = area.path("id");

        Response unit = post(owner, UnitResource.PATH,
                Map.of("areaId", areaId, "name", "Walk-in 1", "type", "walk_in", "description", "by the dock"));
        unit.then().statusCode(201)
                .body("orgId", equalTo(orgId.toString()))
                .body("siteId", equalTo(siteId))
                .body("areaId", equalTo(areaId))
                .body("name", equalTo("Walk-in 1"))
                .body("type", equalTo("walk_in"))
                .body("description", equalTo("by the dock"))
                .body("version", equalTo(1));
        String unitId = unit.path("id");

        get(owner, SiteResource.PATH + "/" + siteId).then().statusCode(200)
                .body("name", equalTo("Store 7"))
                .body("createdAt", equalTo(site.path("createdAt")));
        get(owner, SiteResource.PATH).then().statusCode(200).body("items.id", contains(siteId));
        get(owner, AreaResource.PATH + "/" + areaId).then().statusCode(200).body("siteId", equalTo(siteId));
        get(owner, AreaResource.PATH + "?siteId=" + siteId).then().statusCode(200).body("items.id", contains(areaId));
        get(owner, UnitResource.PATH + "/" + unitId).then().statusCode(200)
                .body("type", equalTo("walk_in"))
                .body("version", equalTo(1))
                .body("updatedAt", equalTo(unit.path("updatedAt")));
        get(owner, UnitResource.PATH + "?areaId=" + areaId).then().statusCode(200).body("items.id", contains(unitId));
    }

    @Test
    void siteWithoutTimeZoneIsInUtcAndUnitWithoutDescriptionHasNone() {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String siteId = newSite(owner);
        get(owner, SiteResource.PATH + "/" + siteId).then().body("timeZone", equalTo("UTC"));

        String unitId = newUnit(owner, newArea(owner, siteId));
        get(owner, UnitResource.PATH + "/" + unitId).then().body("description", nullValue());
    }

    @Test
    void listsAreNarrowedByTheirParentFilters() {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String site1 = newSite(owner);
        String site2 = newSite(owner);
        String area1 = newArea(owner, site1);
        String area2 = newArea(owner, site1);
        String area3 = newArea(owner, site2);
        String unit1 = newUnit(owner, area1);
        String unit2 = newUnit(owner, area2);
        String unit3 = newUnit(owner, area3);

        get(owner, AreaResource.PATH).then().body("items.id", containsInAnyOrder(area1, area2, area3));
        get(owner, AreaResource.PATH + "?siteId=" + site1).then().body("items.id", containsInAnyOrder(area1, area2));
        get(owner, UnitResource.PATH).then().body("items.id", containsInAnyOrder(unit1, unit2, unit3));
        get(owner, UnitResource.PATH + "?siteId=" + site1).then().body("items.id", containsInAnyOrder(unit1, unit2));
        get(owner, UnitResource.PATH + "?areaId=" + area3).then().body("items.id", contains(unit3));
        get(owner, UnitResource.PATH + "?siteId=" + site1 + "&areaId=" + area3).then().body("items", hasSize(0));
    }

    @Test
    void deletedUnitIsNeitherFoundNorListedNorDeletedTwice() {
        String manager = TestTokens.newOrgToken(Role.MANAGER);
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String siteId = newSite(owner);
        String areaId = newArea(owner, siteId);
        String deleted = newUnit(owner, areaId);
        String kept = newUnit(owner, areaId);

        delete(owner, UnitResource.PATH + "/" + deleted).then().statusCode(204);

        get(owner, UnitResource.PATH + "/" + deleted).then().statusCode(404).contentType(PROBLEM_JSON);
        get(owner, UnitResource.PATH + "?areaId=" + areaId).then().body("items.id", contains(kept));
        delete(owner, UnitResource.PATH + "/" + deleted).then().statusCode(404).contentType(PROBLEM_JSON);
        // A caller of another org with the same role sees nothing of it either.
        delete(manager, UnitResource.PATH + "/" + kept).then().statusCode(404);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticated() {
        given().get(SiteResource.PATH).then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:unauthenticated"));
        given().auth().oauth2("not-a-token").get(UnitResource.PATH).then().statusCode(401)
                .contentType(PROBLEM_JSON);
    }
}
