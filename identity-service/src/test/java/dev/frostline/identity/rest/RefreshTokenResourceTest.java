package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.PASSWORD;
import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.frostline.identity.refresh.RefreshTokenSecret;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefreshTokenResourceTest {

    private static final String INVALID_REFRESH = "urn:frostline:problem:invalid-refresh-token";

    @Inject
    AgroalDataSource db;

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/identity/token/refresh");
    }

    private static void assertRefused(String refreshToken) {
        refresh(refreshToken).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID_REFRESH));
    }

    @Test
    void loginReturnsARefreshTokenThatIsStoredOnlyAsItsHash() throws SQLException {
        String email = uniqueEmail();
        String userId = signUp(email).path("userId");
        Response login = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/identity/token");
        login.then().statusCode(200).body("refreshExpiresIn", equalTo(30 * 24 * 3600));
        String refreshToken = login.path("refreshToken");
        assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}");

        List<String> rows = query("select t::text from refresh_tokens t where user_id = ?::uuid", userId);
        assertThat(rows).hasSize(2); // signup's family and login's
        assertThat(rows).noneMatch(row -> row.contains(refreshToken));
        assertThat(query("select id::text from refresh_tokens where token_hash = ?",
                RefreshTokenSecret.hash(refreshToken))).hasSize(1);
    }

    @Test
    void refreshRotatesTheTokenAndTheNewAccessTokenWorks() {
        Response created = signUp(uniqueEmail());
        String first = created.path("refreshToken");

        Response refreshed = refresh(first);
        refreshed.then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("orgId", equalTo(created.path("orgId")))
                .body("role", equalTo("owner"))
                .body("refreshToken", not(equalTo(first)));
        given().auth().oauth2(refreshed.<String>path("accessToken")).get("/api/identity/me").then().statusCode(200)
                .body("orgId", equalTo(created.path("orgId")));

        String second = refreshed.path("refreshToken");
        refresh(second).then().statusCode(200);
    }

    @Test
    void reusingARotatedTokenRevokesTheFamilySoTheLegitimateHolderIsRefusedToo() throws SQLException {
        Response created = signUp(uniqueEmail());
        String stolen = created.path("refreshToken");
        String legitimate = refresh(stolen).path("refreshToken");

        assertRefused(stolen);
        assertRefused(legitimate);

        assertThat(query("select id::text from refresh_tokens where user_id = ?::uuid and revoked_at is null",
                created.path("userId"))).isEmpty();
    }

    @Test
    void logoutRevokesTheFamilyAndAnswers204EvenForUnknownTokens() {
        String email = uniqueEmail();
        String fromSignup = signUp(email).path("refreshToken");
        String rotated = refresh(fromSignup).path("refreshToken");

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", rotated))
                .post("/api/identity/logout").then().statusCode(204);
        assertRefused(rotated);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", RefreshTokenSecret.generate()))
                .post("/api/identity/logout").then().statusCode(204);
    }

    @Test
    void logoutLeavesTheUsersOtherSessionsAlone() {
        String email = uniqueEmail();
        String signupSession = signUp(email).path("refreshToken");
        String loginSession = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/identity/token").path("refreshToken");

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", loginSession))
                .post("/api/identity/logout").then().statusCode(204);

        refresh(signupSession).then().statusCode(200);
    }

    @Test
    void expiredRefreshTokenIsRefused() throws SQLException {
        String refreshToken = signUp(uniqueEmail()).path("refreshToken");
        int updated = update("update refresh_tokens set expires_at = now() - interval '1 second' where token_hash = ?",
                RefreshTokenSecret.hash(refreshToken));
        assertThat(updated).isEqualTo(1);

        assertRefused(refreshToken);
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        assertRefused(RefreshTokenSecret.generate());
    }

    @Test
    void twoConcurrentRefreshesOfTheSameTokenSucceedExactlyOnce() throws Exception {
        String refreshToken = signUp(uniqueEmail()).path("refreshToken");
        int parallel = 4;
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return refresh(refreshToken).statusCode();
                }, threads));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(parallel - 1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void roleChangeTakesEffectAtTheNextRefresh() throws SQLException {
        Response created = signUp(uniqueEmail());
        update("update memberships set role = 'viewer' where user_id = ?::uuid", created.path("userId"));

        refresh(created.path("refreshToken")).then().statusCode(200).body("role", equalTo("viewer"));
    }

    @Test
    void removedMembershipRefusesTheRefreshAndRevokesTheFamily() throws SQLException {
        Response created = signUp(uniqueEmail());
        String userId = created.path("userId");
        String rotated = refresh(created.path("refreshToken")).path("refreshToken");
        update("delete from memberships where user_id = ?::uuid", userId);

        assertRefused(rotated);

        assertThat(query("select id::text from refresh_tokens where user_id = ?::uuid and revoked_at is null", userId))
                .isEmpty();
    }

    @Test
    void switchOrgIssuesATokenForAnotherOrgOfTheCaller() throws SQLException {
        Response alice = signUp(uniqueEmail());
        Response bob = signUp(uniqueEmail());
        String bobsOrg = bob.path("orgId");
        update("insert into memberships (user_id, org_id, role, created_at) values (?::uuid, '" + bobsOrg
                + "'::uuid, 'staff', now())", alice.path("userId"));

        Response switched = given().auth().oauth2(alice.<String>path("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("orgId", bobsOrg)).post("/api/identity/token/switch-org");
        switched.then().statusCode(200).body("orgId", equalTo(bobsOrg)).body("role", equalTo("staff"));

        given().auth().oauth2(switched.<String>path("accessToken")).get("/api/identity/me").then()
                .body("orgId", equalTo(bobsOrg));
        refresh(switched.path("refreshToken")).then().statusCode(200).body("orgId", equalTo(bobsOrg));
        // The session in the caller's own org is a separate family and still works.
        refresh(alice.path("refreshToken")).then().statusCode(200).body("orgId", equalTo(alice.path("orgId")));
    }

    @Test
    void switchOrgToAnOrgTheCallerIsNotAMemberOfIsNotFound() throws SQLException {
        Response alice = signUp(uniqueEmail());
        String othersOrg = signUp(uniqueEmail()).path("orgId");

        given().auth().oauth2(alice.<String>path("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("orgId", othersOrg)).post("/api/identity/token/switch-org").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:not-found"));

        // Nothing was issued: still only the signup's family.
        assertThat(query("select id::text from refresh_tokens where user_id = ?::uuid", alice.path("userId")))
                .hasSize(1);
    }

    @Test
    void switchOrgNeedsAnAccessToken() {
        given().contentType(ContentType.JSON).body(Map.of("orgId", UUID.randomUUID().toString()))
                .post("/api/identity/token/switch-org").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void malformedBodiesAndUnknownFieldsAreProblems() {
        String refreshToken = signUp(uniqueEmail()).path("refreshToken");

        given().contentType(ContentType.JSON).body("{\"refreshToken\": ")
                .post("/api/identity/token/refresh").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:malformed-request"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken, "orgId", "x"))
                .post("/api/identity/token/refresh").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/identity/token/refresh").then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", " "))
                .post("/api/identity/logout").then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        given().auth().oauth2(signUp(uniqueEmail()).<String>path("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("orgId", "not-a-uuid")).post("/api/identity/token/switch-org").then().statusCode(400)
                .contentType("application/problem+json");

        // None of those consumed the token.
        refresh(refreshToken).then().statusCode(200);
    }

    private List<String> query(String sql, String parameter) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    private int update(String sql, String parameter) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        }
    }
}
