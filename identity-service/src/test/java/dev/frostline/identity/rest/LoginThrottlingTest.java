package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.PASSWORD;
import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.identity.MovableClock;
import dev.frostline.identity.config.LoginThrottleConfig;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginThrottlingTest {

    private static final String WRONG = "not the password at all";
    private static final String THROTTLED = "urn:frostline:problem:login-throttled";

    @Inject
    MovableClock clock;
    @Inject
    LoginThrottleConfig config;
    @Inject
    AgroalDataSource db;

    /** Each test is its own client (the gateway's X-Forwarded-For), so address counts never mix. */
    static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static Response login(String email, String password, String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post("/api/identity/token");
    }

    private static void assertSameAnswer(Response known, Response unknown) {
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.body().asString()).isEqualTo(known.body().asString());
        assertThat(unknown.header("Retry-After") == null).isEqualTo(known.header("Retry-After") == null);
    }

    private static long retryAfter(Response response) {
        return Long.parseLong(response.header("Retry-After"));
    }

    @Test
    void afterMaxFailuresTheRightPasswordIsRefusedUntilTheLockoutPassesAndUnknownEmailsLookTheSame() throws SQLException {
        String known = uniqueEmail();
        String userId = signUp(known).path("userId");
        String unknown = uniqueEmail();
        String address = randomAddress();

        for (int i = 0; i < config.maxFailures(); i++) {
            Response k = login(known, WRONG, address);
            Response u = login(unknown, WRONG, address);
            assertSameAnswer(k, u);
            if (k.statusCode() == 429) {
                assertThat(k.<String>path("type")).isEqualTo(THROTTLED);
                assertThat(i).isGreaterThanOrEqualTo(config.freeFailures());
                clock.advance(Duration.ofSeconds(Math.max(retryAfter(k), retryAfter(u))));
                k = login(known, WRONG, address);
                u = login(unknown, WRONG, address);
                assertSameAnswer(k, u);
            }
            assertThat(k.statusCode()).isEqualTo(401);
        }

        Response rightPassword = login(known, PASSWORD, address);
        Response unknownAgain = login(unknown, PASSWORD, address);
        assertThat(rightPassword.statusCode()).isEqualTo(429);
        assertThat(rightPassword.<String>path("type")).isEqualTo(THROTTLED);
        assertThat(rightPassword.contentType()).startsWith("application/problem+json");
        assertSameAnswer(rightPassword, unknownAgain);
        assertThat(retryAfter(rightPassword)).isGreaterThan(config.backoffMax().toSeconds());

        // Even from another address: the lock is on the account.
        login(known, PASSWORD, randomAddress()).then().statusCode(429);

        clock.advance(config.lockout());
        login(known, PASSWORD, address).then().statusCode(200);

        assertThat(count("select count(*) from audit_events where action = 'login_failed' and actor_id = ?::uuid", userId))
                .isEqualTo(config.maxFailures());
        assertThat(count("select count(*) from audit_events where action = 'login_locked_out' and actor_id = ?::uuid", userId))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_events where action = 'login_failed' and org_id is null"
                + " and actor_id is null and details->>'email' = ?", unknown)).isEqualTo(config.maxFailures());
        assertThat(count("select count(*) from audit_events where action = 'login_succeeded' and actor_id = ?::uuid", userId))
                .isEqualTo(1);
    }

    @Test
    void aKnownUsersFailedLoginIsAuditedInTheirOrganization() throws SQLException {
        String email = uniqueEmail();
        Response created = signUp(email);
        login(email, WRONG, randomAddress()).then().statusCode(401);

        assertThat(count("select count(*) from audit_events where action = 'login_failed' and org_id = ?::uuid"
                + " and actor_id = '" + created.path("userId") + "'", created.path("orgId"))).isEqualTo(1);
    }

    @Test
    void aSuccessfulLoginStartsTheAccountCountOver() {
        String email = uniqueEmail();
        signUp(email);
        String address = randomAddress();
        for (int i = 0; i < config.freeFailures() - 1; i++) {
            login(email, WRONG, address).then().statusCode(401);
        }
        login(email, PASSWORD, address).then().statusCode(200);

        // Without the reset, the last of these would be past the free failures and throttled.
        for (int i = 0; i < config.freeFailures(); i++) {
            login(email, WRONG, address).then().statusCode(401);
        }
        login(email, WRONG, address).then().statusCode(429);
    }

    @Test
    void oneAddressSprayingManyAccountsIsLockedButOtherAddressesAreNot() {
        String victim = uniqueEmail();
        signUp(victim);
        String sprayer = randomAddress();
        for (int i = 0; i < config.addressMaxFailures(); i++) {
            login(uniqueEmail(), WRONG, sprayer).then().statusCode(401);
        }

        login(victim, PASSWORD, sprayer).then().statusCode(429);
        login(victim, PASSWORD, randomAddress()).then().statusCode(200);
    }

    private long count(String sql, String parameter) throws SQLException {
        List<Long> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
        }
        return rows.get(0);
    }
}
