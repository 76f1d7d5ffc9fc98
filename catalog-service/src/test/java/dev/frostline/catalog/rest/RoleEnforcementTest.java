package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.FORBIDDEN;
import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.createArea;
import static dev.frostline.catalog.rest.CatalogApi.createSite;
import static dev.frostline.catalog.rest.CatalogApi.createUnit;
import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Viewer and staff read; managers write areas and units; admins and owners also write sites. */
@QuarkusTest
class RoleEnforcementTest {

    private UUID orgId;
    private String owner;
    private String siteId;
    private String areaId;

    @BeforeEach
    void orgWithASiteAndAnArea() {
        orgId = UUID.randomUUID();
        owner = as(Role.OWNER);
        siteId = newSite(owner);
        areaId = newArea(owner, siteId);
    }

    private String as(Role role) {
        return TestTokens.token(UUID.randomUUID(), orgId, role);
    }

    @Test
    void viewerCannotCreateAUnitButCanReadTheHierarchy() {
        String viewer = as(Role.VIEWER);
        createUnit(viewer, areaId, "Fridge", "fridge").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo(FORBIDDEN));
        get(owner, UnitResource.PATH + "?areaId=" + areaId).then().body("items", hasSize(0));

        get(viewer, SiteResource.PATH + "/" + siteId).then().statusCode(200);
        get(viewer, AreaResource.PATH + "?siteId=" + siteId).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void staffCannotChangeTheHierarchy() {
        String staff = as(Role.STAFF);
        String unitId = newUnit(owner, areaId);
        createArea(staff, siteId, "Cellar").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        createUnit(staff, areaId, "Fridge", "fridge").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        delete(staff, UnitResource.PATH + "/" + unitId).then().statusCode(403).body("type", equalTo(FORBIDDEN));
        get(staff, UnitResource.PATH + "/" + unitId).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void managerCanCreateAreasAndUnitsAndDeleteUnitsButNotCreateSites() {
        String manager = as(Role.MANAGER);
        String areaOfManager = createArea(manager, siteId, "Cellar").then().statusCode(201).extract().path("id");
        String unitId = createUnit(manager, areaOfManager, "Fridge", "fridge").then().statusCode(201)
                .extract().path("id");
        delete(manager, UnitResource.PATH + "/" + unitId).then().statusCode(204);

        createSite(manager, "Second store").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo(FORBIDDEN));
        get(owner, SiteResource.PATH).then().body("items", hasSize(1));
    }

    @Test
    void adminCanCreateASite() {
        createSite(as(Role.ADMIN), "Second store").then().statusCode(201).body("orgId", equalTo(orgId.toString()));
        get(owner, SiteResource.PATH).then().body("items", hasSize(2));
    }
}
