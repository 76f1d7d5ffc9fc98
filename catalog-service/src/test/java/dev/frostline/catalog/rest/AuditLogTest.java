package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.FORBIDDEN;
import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.VALIDATION_FAILED;
import static dev.frostline.catalog.rest.CatalogApi.etag;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.problem;
import static dev.frostline.catalog.rest.CatalogApi.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every write leaves an audit record; admins query them; nobody changes them. */
@QuarkusTest
class AuditLogTest {

    private static final String AUDIT = "/api/catalog/audit";

    private UUID orgId;
    private UUID ownerId;
    private String owner;

    @BeforeEach
    void freshOrg() {
        orgId = UUID.randomUUID();
        ownerId = UUID.randomUUID();
        owner = TestTokens.token(ownerId, orgId, Role.OWNER);
    }

    @Test
    void everyWriteIsRecordedWithActorOperationAndBeforeAndAfter() {
        String siteId = newSite(owner);
        String areaId = newArea(owner, siteId);
        String otherArea = newArea(owner, siteId);
        String unitId = newUnit(owner, areaId);
        UUID managerId = UUID.randomUUID();
        String manager = TestTokens.token(managerId, orgId, Role.MANAGER);
        put(manager, UnitResource.PATH + "/" + unitId, etag(owner, UnitResource.PATH + "/" + unitId),
                Map.of("areaId", otherArea, "name", "Freezer", "type", "freezer")).then().statusCode(200);

        get(owner, AUDIT + "?entityId=" + unitId).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.operation", contains("moved", "created"))
                .body("items[0].actorId", equalTo(managerId.toString()))
                .body("items[0].entityType", equalTo("unit"))
                .body("items[0].before.areaId", equalTo(areaId))
                .body("items[0].after.areaId", equalTo(otherArea))
                .body("items[0].changedFields", contains("areaId", "version"))
                .body("items[1].actorId", equalTo(ownerId.toString()))
                .body("items[1].before", nullValue())
                .body("items[1].after.name", equalTo("Freezer"));
        get(owner, AUDIT + "?actorId=" + managerId).then().body("items", hasSize(1));
        get(owner, AUDIT + "?entityType=area").then().body("items", hasSize(2));
        get(owner, AUDIT).then().body("items", hasSize(5)).body("nextCursor", nullValue());
        get(owner, AUDIT + "?limit=2").then().body("items", hasSize(2)).body("nextCursor", notNullValue());
    }

    @Test
    void theLogIsFilteredByTimeRange() {
        newSite(owner);
        Instant between = Instant.now();
        String siteId = newSite(owner);
        get(owner, AUDIT + "?from=" + between).then().body("items.entityId", contains(siteId));
        get(owner, AUDIT + "?to=" + between).then().body("items", hasSize(1));
        get(owner, AUDIT + "?from=" + between + "&to=" + between).then().body("items", hasSize(0));
        get(owner, AUDIT + "?from=yesterday").then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
        get(owner, AUDIT + "?entityType=planet").then().statusCode(400).body("type", equalTo(VALIDATION_FAILED));
    }

    @Test
    void onlyAdminsAndOwnersReadTheLogAndOnlyTheirOrgs() {
        newSite(owner);
        get(TestTokens.token(UUID.randomUUID(), orgId, Role.MANAGER), AUDIT).then().statusCode(403)
                .contentType(PROBLEM_JSON).body("type", equalTo(FORBIDDEN));
        get(TestTokens.token(UUID.randomUUID(), orgId, Role.ADMIN), AUDIT).then().statusCode(200).body("items", hasSize(1));
        get(TestTokens.newOrgToken(Role.OWNER), AUDIT).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theLogCannotBeChangedThroughTheApi() {
        newSite(owner);
        for (String method : new String[] { "PUT", "PATCH", "DELETE", "POST" }) {
            given().auth().oauth2(owner).contentType(ContentType.JSON).body("{}").request(method, AUDIT)
                    .then().statusCode(405).contentType(PROBLEM_JSON).body("type", equalTo(problem("method-not-allowed")));
        }
        get(owner, AUDIT).then().body("items", hasSize(1));
    }
}
