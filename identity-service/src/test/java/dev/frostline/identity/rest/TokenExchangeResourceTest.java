package dev.frostline.identity.rest;

import static dev.frostline.identity.external.ExternalIssuerConfig.ACME;
import static dev.frostline.identity.external.ExternalIssuerConfig.CLOSED;
import static dev.frostline.identity.external.ExternalIssuerConfig.OTHER;
import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.frostline.identity.external.ExternalIssuerConfig;
import dev.frostline.identity.external.TestIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ExternalIssuerConfig.class)
class TokenExchangeResourceTest {

    private static final String UNAUTHENTICATED = "urn:frostline:problem:unauthenticated";
    private static TestIssuer issuer;

    @Inject
    AgroalDataSource db;

    /** One external account of a test: its own subject, email and external organization. */
    private record Account(String subject, String email, String org) {
        static Account fresh() {
            UUID id = UUID.randomUUID();
            return new Account("ext-" + id, "ext-" + id + "@example.com", "org-" + id);
        }

        JwtClaimsBuilder claims(String iss, String role) {
            return TestIssuer.claims(iss, subject, email, org, role);
        }

        JwtClaimsBuilder claims(String role) {
            return claims(ACME, role);
        }
    }

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = new TestIssuer(ConfigProvider.getConfig().getValue(ExternalIssuerConfig.PORT_PROPERTY, Integer.class));
    }

    @AfterAll
    static void stopIssuer() throws Exception {
        issuer.close();
    }

    private static Response exchange(String subjectToken) {
        return given().contentType(ContentType.JSON).body(Map.of("subjectToken", subjectToken))
                .post("/api/identity/token/exchange");
    }

    private static void assertRefused(String subjectToken) {
        exchange(subjectToken).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(UNAUTHENTICATED));
    }

    @Test
    void firstExchangeProvisionsUserOrganizationAndMembership() throws SQLException {
        Account account = Account.fresh();
        Response exchanged = exchange(issuer.signRs256(account.claims("fleet_manager")
                .claim("app_metadata", Map.of("org_id", account.org(), "org_name", "Acme Cold", "role", "fleet_manager"))));

        exchanged.then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("role", equalTo("manager"));
        String userId = exchanged.path("userId");
        String orgId = exchanged.path("orgId");
        assertThat(query("select email || ' ' || coalesce(password_hash, 'no password') from users where id = ?::uuid", userId))
                .containsExactly(account.email() + " no password");
        assertThat(query("select user_id::text from external_identities where issuer = ? and subject = ?", ACME,
                account.subject())).containsExactly(userId);
        assertThat(query("select o.name from organizations o join external_organizations e on e.org_id = o.id "
                + "where e.issuer = ? and e.external_org_id = ?", ACME, account.org())).containsExactly("Acme Cold");
        assertThat(query("select role from memberships where user_id = ?::uuid and org_id = ?::uuid", userId, orgId))
                .containsExactly("manager");
        assertThat(query("select action from audit_events where org_id = ?::uuid order by action", orgId))
                .containsExactly("external_user_provisioned", "org_created");
    }

    @Test
    void theFrostlineTokenWorksOnTheServicesAndHasNoRefreshToken() {
        Account account = Account.fresh();
        Response exchanged = exchange(issuer.signRs256(account.claims(null)));
        exchanged.then().statusCode(200).body("role", equalTo("viewer"));
        assertThat(exchanged.jsonPath().getMap("$")).doesNotContainKey("refreshToken");

        given().auth().oauth2(exchanged.<String>path("accessToken")).get("/api/identity/me").then().statusCode(200)
                .body(containsString(exchanged.<String>path("userId")))
                .body(containsString(exchanged.<String>path("orgId")))
                .body(containsString(account.email()));
    }

    @Test
    void secondExchangeReusesTheUserAndOrganization() throws SQLException {
        Account account = Account.fresh();
        Response first = exchange(issuer.signRs256(account.claims("fleet_manager")));
        Response second = exchange(issuer.signRs256(account.claims("fleet_manager")));

        second.then().statusCode(200)
                .body("userId", equalTo(first.<String>path("userId")))
                .body("orgId", equalTo(first.path("orgId")));
        assertThat(query("select subject from external_identities where user_id = ?::uuid", first.<String>path("userId")))
                .hasSize(1);
        assertThat(query("select action from audit_events where org_id = ?::uuid and action = 'external_user_provisioned'",
                first.<String>path("orgId"))).hasSize(1);
    }

    @Test
    void theEmailFollowsTheIssuersEmailClaim() throws SQLException {
        Account account = Account.fresh();
        String userId = exchange(issuer.signRs256(account.claims(null))).then().statusCode(200).extract().path("userId");
        String changed = "changed-" + UUID.randomUUID() + "@example.com";

        exchange(issuer.signRs256(account.claims(null).claim("email", changed))).then().statusCode(200)
                .body("userId", equalTo(userId));

        assertThat(query("select email from users where id = ?::uuid", userId)).containsExactly(changed);
    }

    @Test
    void colleaguesWithTheSameOrgClaimShareOneOrganization() {
        Account ada = Account.fresh();
        Account bob = new Account("ext-" + UUID.randomUUID(), "bob-" + UUID.randomUUID() + "@example.com", ada.org());

        String adaOrg = exchange(issuer.signRs256(ada.claims(null))).then().statusCode(200).extract().path("orgId");
        Response bobs = exchange(issuer.signRs256(bob.claims(null)));

        bobs.then().statusCode(200).body("orgId", equalTo(adaOrg));
        assertThat(bobs.<String>path("userId")).isNotEqualTo(ada.subject());
    }

    @Test
    void theMembershipRoleFollowsTheIssuersRoleClaimOnEveryExchange() throws SQLException {
        Account account = Account.fresh();
        String orgId = exchange(issuer.signRs256(account.claims("fleet_manager"))).then().statusCode(200)
                .body("role", equalTo("manager")).extract().path("orgId");

        exchange(issuer.signRs256(account.claims(null)
                .claim("app_metadata", Map.of("org_id", account.org(), "role", List.of("offline", "org_admin")))))
                .then().statusCode(200).body("role", equalTo("admin"));
        // Spelled like a Frostline role, but not in the mapping: the default role.
        exchange(issuer.signRs256(account.claims("owner"))).then().statusCode(200).body("role", equalTo("viewer"));

        assertThat(query("select details->>'from' || '>' || (details->>'to') from audit_events "
                + "where org_id = ?::uuid and action = 'role_changed' order by occurred_at", orgId))
                .containsExactly("manager>admin", "admin>viewer");
    }

    @Test
    void theFrostlineTokenNeverOutlivesTheExternalOne() {
        Account account = Account.fresh();
        Instant externalExp = Instant.now().plusSeconds(90);

        Response exchanged = exchange(issuer.signRs256(account.claims(null).expiresAt(externalExp)));

        exchanged.then().statusCode(200).body("expiresIn", lessThanOrEqualTo(90));
        String payload = new String(Base64.getUrlDecoder().decode(exchanged.<String>path("accessToken").split("\\.")[1]),
                StandardCharsets.UTF_8);
        long exp = Long.parseLong(payload.replaceAll(".*\"exp\"\\s*:\\s*(\\d+).*", "$1"));
        assertThat(exp).isLessThanOrEqualTo(externalExp.getEpochSecond());
    }

    @Test
    void es256SignedTokensAreAccepted() {
        exchange(issuer.signEs256(Account.fresh().claims(null))).then().statusCode(200);
    }

    @Test
    void aKeyRotatedByTheIssuerIsFetchedWhenItsKidFirstAppears() throws Exception {
        exchange(issuer.signRs256(Account.fresh().claims(null))).then().statusCode(200);
        String newKid = issuer.rotate();

        exchange(issuer.signWithKid(Account.fresh().claims(null), newKid)).then().statusCode(200);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedAndNothingIsStored() throws Exception {
        Account account = Account.fresh();
        assertRefused(issuer.signRs256(account.claims("fleet_manager"), issuer.rsaKid(), issuer.unpublishedKey()));
        assertRefused(issuer.signRs256(account.claims("fleet_manager"), "unknown-kid", issuer.unpublishedKey()));

        assertThat(query("select user_id::text from external_identities where subject = ?", account.subject())).isEmpty();
        assertThat(query("select id::text from users where email = ?", account.email())).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(issuer.signRs256(Account.fresh().claims(null).issuedAt(Instant.now().minusSeconds(900))
                .expiresAt(Instant.now().minusSeconds(300))));
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        assertRefused(issuer.signRs256(Account.fresh().claims(null)
                .claim("nbf", Instant.now().plusSeconds(600).getEpochSecond())));
    }

    @Test
    void aTokenOfAnIssuerNotConfiguredIsRefused() {
        assertRefused(issuer.signRs256(Account.fresh().claims("https://evil.test/auth/v1", null)));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(issuer.signRs256(Account.fresh().claims(null).audience("another-app")));
    }

    @Test
    void unsignedAndHmacTokensAreRefused() {
        Account account = Account.fresh();
        String hs256 = account.claims(null).jws().algorithm(SignatureAlgorithm.HS256)
                .signWithSecret("a-secret-of-at-least-thirty-two-bytes!!");
        assertRefused(hs256);

        String rs256 = issuer.signRs256(account.claims(null));
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + rs256.split("\\.")[1] + ".";
        assertRefused(unsigned);
        assertRefused("not-a-jwt");
    }

    @Test
    void aTokenWithoutTheConfiguredOrgClaimIsRefused() throws SQLException {
        Account account = Account.fresh();
        assertRefused(issuer.signRs256(account.claims(null).claim("app_metadata", Map.of("role", "fleet_manager"))));

        assertThat(query("select user_id::text from external_identities where subject = ?", account.subject())).isEmpty();
    }

    @Test
    void theSameOrgClaimFromAnotherIssuerIsAnotherOrganizationAndAnswers404() {
        Account acme = Account.fresh();
        Account other = new Account(acme.subject(), "other-" + UUID.randomUUID() + "@example.com", acme.org());

        Response acmes = exchange(issuer.signRs256(acme.claims(null)));
        Response others = exchange(issuer.signRs256(other.claims(OTHER, null)));

        acmes.then().statusCode(200);
        others.then().statusCode(200);
        assertThat(others.<String>path("orgId")).isNotEqualTo(acmes.path("orgId"));
        assertThat(others.<String>path("userId")).isNotEqualTo(acmes.path("userId"));
        given().auth().oauth2(acmes.<String>path("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("orgId", others.<String>path("orgId")))
                .post("/api/identity/token/switch-org").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anExternalAccountCannotTakeOverAFrostlineAccountByEmail() throws SQLException {
        Account account = Account.fresh();
        signUp(account.email()).then().statusCode(201);

        exchange(issuer.signRs256(account.claims(null))).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:external-email-taken"));
        assertThat(query("select user_id::text from external_identities where subject = ?", account.subject())).isEmpty();
    }

    @Test
    void anExternalUserCannotLogInWithAPassword() {
        Account account = Account.fresh();
        exchange(issuer.signRs256(account.claims(null))).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("email", account.email(), "password", "correct horse battery"))
                .post("/api/identity/token").then().statusCode(401);
    }

    @Test
    void anIssuerWithoutProvisioningRefusesAccountsItHasNotProvisioned() throws SQLException {
        Account account = Account.fresh();

        exchange(issuer.signRs256(account.claims(CLOSED, null))).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:external-account-not-provisioned"));
        assertThat(query("select id::text from users where email = ?", account.email())).isEmpty();
    }

    @Test
    void aMissingSubjectTokenIsAValidationError() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/identity/token/exchange").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
    }

    private List<String> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
