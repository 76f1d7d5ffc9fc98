package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.PASSWORD;
import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static dev.frostline.identity.rest.LoginThrottlingTest.login;
import static dev.frostline.identity.rest.LoginThrottlingTest.randomAddress;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.contracts.ApiKeyFormat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

    @Inject
    AgroalDataSource db;

    private static String createApiKey(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "probe"))
                .post("/api/identity/api-keys").then().statusCode(201).extract().path("id");
    }

    private static Response audit(String token, String query) {
        return given().auth().oauth2(token).get("/api/identity/audit" + query);
    }

    @Test
    void anAdminSeesTheirOrgsEventsNewestFirstAndNeverAnotherOrgs() {
        String email = uniqueEmail();
        Response owner = signUp(email);
        String token = owner.path("accessToken");
        String keyId = createApiKey(token);
        String address = randomAddress();
        login(email, "wrong password here", address).then().statusCode(401);
        login(email, PASSWORD, address).then().statusCode(200);

        Response other = signUp(uniqueEmail());
        String otherKey = createApiKey(other.path("accessToken"));

        Response page = audit(token, "");
        page.then().statusCode(200);
        List<String> actions = page.path("items.action");
        List<String> targets = page.path("items.targetId");
        List<String> actors = page.path("items.actorId");
        List<String> times = page.path("items.occurredAt");
        assertThat(actions).containsSubsequence("login_succeeded", "login_failed", "api_key_created");
        assertThat(targets).contains(keyId).doesNotContain(otherKey);
        assertThat(actors).containsOnly(owner.<String>path("userId"));
        assertThat(times.stream().map(Instant::parse).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(page.<String>path("items[0].clientIp")).isEqualTo(address);
        assertThat(page.<String>path("items[0].requestId")).isNotBlank();

        List<String> keyEvents = audit(token, "?action=api_key_created").path("items.targetId");
        assertThat(keyEvents).containsExactly(keyId);
    }

    @Test
    void revokingAnApiKeyIsAuditedOnceWithTheKeyAndWhoRevokedIt() {
        Response owner = signUp(uniqueEmail());
        String token = owner.path("accessToken");
        String keyId = createApiKey(token);
        // Listed as "flk_<prefix>"; the audit row keeps the bare prefix.
        String listedPrefix = given().auth().oauth2(token).get("/api/identity/api-keys").then().statusCode(200)
                .extract().path("find { it.id == '" + keyId + "' }.prefix");
        String prefix = listedPrefix.substring(listedPrefix.length() - ApiKeyFormat.PREFIX_LENGTH);

        assertThat(audit(token, "?action=api_key_revoked").<List<?>>path("items")).isEmpty();
        given().auth().oauth2(token).delete("/api/identity/api-keys/" + keyId).then().statusCode(200);
        // Revoking a revoked key changes nothing, so it records nothing either.
        given().auth().oauth2(token).delete("/api/identity/api-keys/" + keyId).then().statusCode(200);

        audit(token, "?action=api_key_revoked").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("api_key_revoked"))
                .body("items[0].targetId", equalTo(keyId))
                .body("items[0].actorId", equalTo(owner.path("userId")))
                .body("items[0].details.prefix", equalTo(prefix));
    }

    @Test
    void aStaffMemberIsForbidden() throws SQLException {
        Response owner = signUp(uniqueEmail());
        String staffEmail = uniqueEmail();
        Response staff = signUp(staffEmail);
        execute("insert into memberships (user_id, org_id, role, created_at) values (?::uuid, ?::uuid, 'staff', now())",
                staff.path("userId"), owner.path("orgId"));
        String staffToken = given().contentType(ContentType.JSON)
                .body(Map.of("email", staffEmail, "password", PASSWORD, "orgId", owner.path("orgId")))
                .post("/api/identity/token").then().statusCode(200).body("role", equalTo("staff")).extract()
                .path("accessToken");

        audit(staffToken, "").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:forbidden"));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        String token = signUp(uniqueEmail()).path("accessToken");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createApiKey(token));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = audit(token, "?action=api_key_created&limit=2" + (cursor == null ? "" : "&before=" + cursor));
            page.then().statusCode(200);
            seen.addAll(page.path("items.targetId"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        java.util.Collections.reverse(created);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void theTimeFilterBoundsTheEvents() {
        String token = signUp(uniqueEmail()).path("accessToken");
        createApiKey(token);
        String future = Instant.now().plusSeconds(3600).toString();

        assertThat(audit(token, "?from=" + future).<List<?>>path("items")).isEmpty();
        assertThat(audit(token, "?to=" + future).<List<String>>path("items.action"))
                .containsExactly("api_key_created", "signed_up");
    }

    @Test
    void refreshTokenReuseAndLogoutAreAudited() {
        Response created = signUp(uniqueEmail());
        String token = created.path("accessToken");
        String first = created.path("refreshToken");
        Response rotated = given().contentType(ContentType.JSON).body(Map.of("refreshToken", first))
                .post("/api/identity/token/refresh");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", first))
                .post("/api/identity/token/refresh").then().statusCode(401);

        audit(token, "?action=refresh_token_reused").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].actorId", equalTo(created.path("userId")));

        String loginRefresh = rotated.path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", loginRefresh))
                .post("/api/identity/logout").then().statusCode(204);
        audit(token, "?action=logged_out").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void badParametersAreProblems() {
        String token = signUp(uniqueEmail()).path("accessToken");
        for (String query : List.of("?limit=0", "?limit=501", "?limit=ten", "?action=nope", "?actorId=42",
                "?from=yesterday", "?before=garbage", "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            audit(token, query).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:frostline:problem:validation-failed"));
        }
    }

    private void execute(String sql, String... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
