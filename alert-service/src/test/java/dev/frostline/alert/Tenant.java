package dev.frostline.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;

/** An org of its own for one test, with one unit in the projection and a token per role. */
public record Tenant(UUID orgId, UUID siteId, UUID areaId, UUID unitId, String unitType) {

    /** Publishes the unit and waits until this service's projection has it. */
    public static Tenant withUnit(TestBus bus, String unitType) {
        Tenant tenant = new Tenant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), unitType);
        tenant.addUnit(bus, tenant.unitId, tenant.siteId, tenant.areaId, unitType);
        return tenant;
    }

    public void addUnit(TestBus bus, UUID unitId, UUID siteId, UUID areaId, String type) {
        bus.publishUnit(unitId, orgId, siteId, areaId, type, 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> effectiveRules(unitId).statusCode() == 200);
    }

    public String token(Role role) {
        return TestTokens.token(UUID.nameUUIDFromBytes((orgId + role.claimValue()).getBytes()), orgId, role);
    }

    public UUID userId(Role role) {
        return UUID.nameUUIDFromBytes((orgId + role.claimValue()).getBytes());
    }

    public String manager() {
        return token(Role.MANAGER);
    }

    public Response effectiveRules(UUID unitId) {
        return given().auth().oauth2(manager()).get("/api/alerts/units/" + unitId + "/effective-rules");
    }

    public Response createRule(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post("/api/alerts/rules");
    }

    /** Creates a rule as manager and returns its ID; fails the test if it is refused. */
    public String createRule(String json) {
        return createRule(manager(), json).then().statusCode(201).extract().path("id");
    }
}
