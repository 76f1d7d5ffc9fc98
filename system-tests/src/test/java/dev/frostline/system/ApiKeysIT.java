package dev.frostline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Device API keys end to end, through the gateway: revocation reaches ingest within seconds, a key
 * scoped to one site cannot write to another site's units, and a key cannot be scoped to a site of
 * another org. Every refusal looks exactly like a unit or site of another org.
 */
class ApiKeysIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aRevokedKeyIsRefusedByIngestWithinFiveSeconds() {
        Tenant a = Tenant.signUp().withFridgeAndKey();
        a.postReading(4.0, "before-revoke-" + UUID.randomUUID());

        Gateway.as(a.token).delete("/api/identity/api-keys/" + a.apiKeyId).then().statusCode(200)
                .body("revokedAt", notNullValue());

        // The clock starts when the revoke call has answered.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> Tenant.ingest(a.apiKey, a.unitId, 4.0, "after-revoke-" + UUID.randomUUID())
                        .statusCode() == 401);
        Tenant.ingest(a.apiKey, a.unitId, 4.0, "still-revoked").then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:invalid-api-key"));
    }

    @Test
    void aKeyScopedToSiteAPostsForSiteAAndIsRefusedForSiteBLikeForAnotherOrg() {
        Tenant a = Tenant.signUp().withFridgeAndKey();
        String siteB = a.createSite("Second kitchen");
        String unitOfSiteB = a.createFridge(a.createArea(siteB));
        Tenant stranger = Tenant.signUp().withFridgeAndKey();
        String siteAKey = a.createKey("site A sensors", a.siteId).then().statusCode(201)
                .body("siteId", equalTo(a.siteId)).extract().path("key");

        // Projections first: the org-wide key reaches site B's unit and the stranger's own key its
        // unit, so a refusal below is the scope at work, not a unit telemetry does not know yet.
        Tenant.postReading(a.apiKey, unitOfSiteB, 3.0, "org-wide-" + UUID.randomUUID());
        stranger.postReading(3.0, "stranger-" + UUID.randomUUID());
        // Accepted for site A's unit (retried until the new key is projected).
        Tenant.postReading(siteAKey, a.unitId, 3.0, "site-a-" + UUID.randomUUID());

        Response forSiteB = Tenant.ingest(siteAKey, unitOfSiteB, 3.0, "site-b-" + UUID.randomUUID());
        Response forOtherOrg = Tenant.ingest(siteAKey, stranger.unitId, 3.0, "other-org-" + UUID.randomUUID());

        forSiteB.then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:validation-failed"))
                .body("errors[0].field", equalTo("unitId"));
        forOtherOrg.then().statusCode(400);
        assertThat(forSiteB.<String>path("errors[0].reason")).isEqualTo(forOtherOrg.path("errors[0].reason"));
        assertThat(forSiteB.<String>path("detail")).isEqualTo(forOtherOrg.path("detail"));
    }

    @Test
    void anotherOrgsSiteCannotScopeAKey() {
        Tenant a = Tenant.signUp().withFridgeAndKey();
        Tenant b = Tenant.signUp().withFridgeAndKey();

        a.createKey("not my site", b.siteId).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:not-found"));

        List<String> names = Gateway.as(a.token).get("/api/identity/api-keys").then().statusCode(200)
                .extract().path("name");
        assertThat(names).containsExactly("fridge sensor");
    }
}
