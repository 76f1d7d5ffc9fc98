package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.PASSWORD;
import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.frostline.identity.MovableClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountDeletionTest {

    static final String OPERATOR = "Bearer test-internal-token";

    @Inject
    AgroalDataSource db;
    @Inject
    MovableClock clock;

    private static Response deleteAccount(String token, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.delete("/api/identity/account");
    }

    private static Response feed(String query) {
        return given().header("Authorization", OPERATOR).get("/internal/identity/revocations" + query);
    }

    @Test
    void aDeletedUsersTokensAreRefusedTheEmailIsFreedAndTheFeedListsThem() {
        Instant before = clock.instant().minusSeconds(1);
        String email = uniqueEmail();
        Response created = signUp(email);
        String token = created.path("accessToken");
        String userId = created.path("userId");

        deleteAccount(token, Map.of("password", PASSWORD)).then().statusCode(204);

        // The token was verified (and so remembered) for the deletion: the deleted-user check must still refuse it.
        given().auth().oauth2(token).get("/api/identity/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:unauthenticated"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("orgId", created.path("orgId")))
                .post("/api/identity/token/switch-org").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", created.path("refreshToken")))
                .post("/api/identity/token/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/identity/token").then().statusCode(401);
        signUp(email).then().statusCode(201);

        feed("?since=" + before).then().statusCode(200)
                .body("asOf", notNullValue())
                .body("revocations.subject", hasItem(userId));
        feed("").then().statusCode(200).body("revocations.subject", hasItem(userId));
        feed("?since=" + clock.instant().plusSeconds(60)).then().statusCode(200)
                .body("revocations.subject", not(hasItem(userId)));
        String revokedBefore = feed("?since=" + before).path("revocations.find { it.subject == '" + userId + "' }.revokedBefore");
        assertThat(Instant.parse(revokedBefore)).isAfterOrEqualTo(before);
    }

    @Test
    void theWrongOrAMissingPasswordDeletesNothing() {
        Response created = signUp(uniqueEmail());
        String token = created.path("accessToken");

        deleteAccount(token, Map.of("password", "not my password")).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:password-incorrect"));
        deleteAccount(token, Map.of()).then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        deleteAccount(token, null).then().statusCode(415)
                .contentType("application/problem+json");
        deleteAccount(token, Map.of("password", PASSWORD, "force", true)).then().statusCode(400);

        given().auth().oauth2(token).get("/api/identity/me").then().statusCode(200);
    }

    @Test
    void theLastOwnerOfAnOrgWithOtherMembersCannotLeaveButAMemberCan() throws SQLException {
        Response owner = signUp(uniqueEmail());
        Response member = signUp(uniqueEmail());
        execute("insert into memberships (user_id, org_id, role, created_at) values (?::uuid, ?::uuid, 'staff', now())",
                member.path("userId"), owner.path("orgId"));

        deleteAccount(owner.path("accessToken"), Map.of("password", PASSWORD)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:last-owner"));
        given().auth().oauth2(owner.<String>path("accessToken")).get("/api/identity/me").then().statusCode(200);

        deleteAccount(member.path("accessToken"), Map.of("password", PASSWORD)).then().statusCode(204);

        assertThat(query("select count(*) from memberships where user_id = ?::uuid", member.path("userId"))).isZero();
        given().auth().oauth2(owner.<String>path("accessToken")).get("/api/identity/audit?action=account_deleted")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].actorId", equalTo(member.path("userId")));
        // Now the owner is the only member and may go.
        deleteAccount(owner.path("accessToken"), Map.of("password", PASSWORD)).then().statusCode(204);
    }

    @Test
    void deletingTheOnlyMemberRevokesTheOrgsDeviceKeys() throws SQLException {
        Response created = signUp(uniqueEmail());
        String token = created.path("accessToken");
        String keyId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "probe"))
                .post("/api/identity/api-keys").then().statusCode(201).extract().path("id");

        deleteAccount(token, Map.of("password", PASSWORD)).then().statusCode(204);

        // The token was verified (and so remembered) for the deletion: the deleted-user check must still refuse it.
        assertThat(query("select count(*) from api_keys where id = ?::uuid and revoked_at is not null", keyId)).isEqualTo(1);
        assertThat(query("select count(*) from outbox where record_key = ? and payload like '%\"revoked\":true%'", keyId))
                .isEqualTo(1);
    }

    @Test
    void theFeedNeedsTheOperatorTokenAndAValidSince() {
        given().get("/internal/identity/revocations").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:unauthenticated"));
        given().header("Authorization", "Bearer wrong").get("/internal/identity/revocations").then().statusCode(401);
        feed("?since=yesterday").then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
    }

    @Test
    void revocationsOlderThanAnAccessTokensLifetimeLeaveTheDefaultFeed() {
        Response created = signUp(uniqueEmail());
        deleteAccount(created.path("accessToken"), Map.of("password", PASSWORD)).then().statusCode(204);
        feed("").then().body("revocations.subject", hasItem(created.<String>path("userId")));

        clock.advance(Duration.ofMinutes(25));
        feed("").then().body("revocations.subject", not(hasItem(created.<String>path("userId"))));
    }

    private void execute(String sql, String... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private long query(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
