package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.frostline.identity.testing.TestDb;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganizationResourceTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response createOrg(String token, Object name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/identity/orgs");
    }

    @Test
    void creatingAnOrganizationMakesTheCallerItsOwnerAndListsIt() {
        String email = uniqueEmail();
        Response alice = signUp(email);
        String token = alice.path("accessToken");

        Response created = createOrg(token, "  Second Site  ");
        created.then().statusCode(201).body("name", equalTo("Second Site")).body("role", equalTo("owner"));
        String orgId = created.path("id");

        given().auth().oauth2(token).get("/api/identity/orgs").then().statusCode(200)
                .body("$", hasSize(2))
                .body("id", containsInAnyOrder(alice.path("orgId"), orgId))
                .body("role", containsInAnyOrder("owner", "owner"));
        given().auth().oauth2(token).get("/api/identity/me").then().statusCode(200)
                .body("email", equalTo(email))
                .body("orgId", equalTo(alice.path("orgId")))
                .body("memberships", hasSize(2))
                .body("memberships.orgName", containsInAnyOrder("Cold Foods " + email, "Second Site"));
        // Acting in it is a session switch.
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("orgId", orgId))
                .post("/api/identity/token/switch-org").then().statusCode(200)
                .body("orgId", equalTo(orgId)).body("role", equalTo("owner"));
        assertThat(new TestDb(dataSource).column("select action || ':' || org_id from audit_events"
                + " where actor_id = ?::uuid order by occurred_at", alice.<String>path("userId")))
                .containsExactly("signed_up:" + alice.path("orgId"), "org_created:" + orgId);
    }

    @Test
    void blankOrOverlongNameIsRefusedAndNothingIsCreated() {
        String token = signUp(uniqueEmail()).path("accessToken");

        createOrg(token, " ").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        createOrg(token, "x".repeat(201)).then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Org", "ownerId", "x"))
                .post("/api/identity/orgs").then().statusCode(400);

        given().auth().oauth2(token).get("/api/identity/orgs").then().body("$", hasSize(1));
    }

    @Test
    void organizationsOfOthersAreNeverListed() {
        String alice = signUp(uniqueEmail()).path("accessToken");
        String bob = signUp(uniqueEmail()).path("accessToken");
        createOrg(bob, "Bob's second").then().statusCode(201);

        given().auth().oauth2(alice).get("/api/identity/orgs").then().body("$", hasSize(1));
    }

    @Test
    void organizationsNeedAnAccessToken() {
        given().get("/api/identity/orgs").then().statusCode(401).contentType("application/problem+json");
    }
}
