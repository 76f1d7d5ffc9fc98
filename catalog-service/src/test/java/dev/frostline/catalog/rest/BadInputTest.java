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
        get(owner, SiteResource.PATH).then().body("$", hasSize(0));
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
        get(owner, UnitResource.PATH).then().body("$", hasSize(0));
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

        get(owner, SiteResource.PATH).then().body("$", hasSize(1));
        get(owner, AreaResource.PATH).then().body("$", hasSize(1));
        get(owner, UnitResource.PATH).then().body("$", hasSize(0));
    }

    @Test
    void malformedJsonIsRefused() {
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"name\": \"Store\"")
                .post(SiteResource.PATH).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(MALFORMED_REQUEST));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("")
                .post(SiteResource.PATH).then().statusCode(400).contentType(PROBLEM_JSON);
        get(owner, SiteResource.PATH).then().body("$", hasSize(0));
    }

    @Test
    void unknownFieldIsRefused() {
        post(owner, SiteResource.PATH, Map.of("name", "Store", "timezone", "UTC"))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("detail", containsString("timezone"));
        get(owner, SiteResource.PATH).then().body("$", hasSize(0));
    }

    @Test
    void malformedIdsAreRefused() {
        post(owner, AreaResource.PATH, Map.of("siteId", "not-a-uuid", "name", "Room"))
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(VALIDATION_FAILED));
        post(owner, AreaResource.PATH, Map.of("name", "Room"))
                .then().statusCode(400).body("type", equalTo(VALIDATION_FAILED)).body("errors[0].field", equalTo("siteId"));
        get(owner, UnitResource.PATH + "?areaId=not-a-uuid").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED));
        get(owner, AreaResource.PATH).then().body("$", hasSize(0));
    }
}
