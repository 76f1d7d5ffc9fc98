package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.PASSWORD;
import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.identity.testing.InjectSmtpSink;
import dev.frostline.identity.testing.SmtpSink;
import dev.frostline.identity.testing.TestDb;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordResourceTest {

    private static final String NEW_PASSWORD = "a much newer passphrase";
    private static final String INVALID_RESET = "urn:frostline:problem:invalid-reset-token";

    @InjectSmtpSink
    SmtpSink smtp;

    @Inject
    AgroalDataSource dataSource;

    TestDb db;

    @BeforeEach
    void setUp() {
        db = new TestDb(dataSource);
    }

    private static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/identity/token");
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/identity/token/refresh");
    }

    private static Response changePassword(String accessToken, String current, String next) {
        return given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next)).post("/api/identity/password");
    }

    private static Response requestReset(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/identity/password/reset-requests");
    }

    private static Response reset(String token, String newPassword) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", newPassword))
                .post("/api/identity/password/resets");
    }

    @Test
    void changingThePasswordSwitchesLoginToTheNewOneAndEndsEverySession() {
        String email = uniqueEmail();
        Response created = signUp(email);
        String otherDevice = login(email, PASSWORD).path("refreshToken");

        changePassword(created.path("accessToken"), PASSWORD, NEW_PASSWORD).then().statusCode(204);

        login(email, PASSWORD).then().statusCode(401);
        login(email, NEW_PASSWORD).then().statusCode(200);
        refresh(otherDevice).then().statusCode(401);
        refresh(created.path("refreshToken")).then().statusCode(401);
        assertThat(db.column("select action from audit_events where actor_id = ?::uuid and action = 'password_changed'",
                created.<String>path("userId"))).hasSize(1);
    }

    @Test
    void wrongCurrentPasswordIsInvalidCredentialsAndChangesNothing() {
        String email = uniqueEmail();
        Response created = signUp(email);

        changePassword(created.path("accessToken"), "not the password", NEW_PASSWORD).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:invalid-credentials"));

        login(email, PASSWORD).then().statusCode(200);
        refresh(created.path("refreshToken")).then().statusCode(200);
    }

    @Test
    void newPasswordMustObeyThePolicy() {
        String email = uniqueEmail();
        String token = signUp(email).path("accessToken");

        changePassword(token, PASSWORD, "short").then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        // 65 bytes in UTF-8: one over the maximum.
        changePassword(token, PASSWORD, "é".repeat(32) + "x").then().statusCode(400)
                .body("detail", equalTo("password must be at most 64 bytes in UTF-8"));
        login(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void changingThePasswordNeedsAnAccessToken() {
        given().contentType(ContentType.JSON).body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/api/identity/password").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void resetMailCarriesASingleUseLinkThatSetsTheNewPasswordAndEndsSessions() {
        String email = uniqueEmail();
        Response created = signUp(email);

        requestReset(email).then().statusCode(202);
        MimeMessage mail = smtp.awaitMailTo(email);
        assertThat(SmtpSink.subject(mail)).isEqualTo("Reset your Frostline password");
        String token = SmtpSink.tokenIn(mail);
        assertThat(SmtpSink.text(mail)).contains("http://127.0.0.1:8080/reset-password?token=" + token);
        // Stored only as its hash.
        assertThat(db.column("select token_hash from password_reset_tokens where user_id = ?::uuid",
                created.<String>path("userId"))).hasSize(1).doesNotContain(token);

        reset(token, NEW_PASSWORD).then().statusCode(204);

        login(email, NEW_PASSWORD).then().statusCode(200);
        login(email, PASSWORD).then().statusCode(401);
        refresh(created.path("refreshToken")).then().statusCode(401);
        reset(token, "yet another passphrase").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(INVALID_RESET));
        login(email, NEW_PASSWORD).then().statusCode(200);
        assertThat(db.column("select action from audit_events where target_id = ? order by occurred_at",
                created.<String>path("userId"))).contains("password_reset_requested", "password_reset");
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndNoMail() {
        String known = uniqueEmail();
        signUp(known);
        String unknown = uniqueEmail();

        Response forKnown = requestReset(known);
        Response forUnknown = requestReset(unknown);

        assertThat(forUnknown.statusCode()).isEqualTo(202);
        assertThat(forUnknown.body().asString()).isEqualTo(forKnown.body().asString());
        smtp.awaitMailTo(known);
        assertThat(smtp.mailsTo(unknown)).isEmpty();
        assertThat(db.column("select id::text from mail_outbox where recipient = ?", unknown)).isEmpty();
    }

    @Test
    void expiredResetTokenIsRefusedLikeAnUnknownOne() {
        String email = uniqueEmail();
        String userId = signUp(email).path("userId");
        requestReset(email).then().statusCode(202);
        String token = SmtpSink.tokenIn(smtp.awaitMailTo(email));
        assertThat(db.update("update password_reset_tokens set expires_at = now() - interval '1 second' "
                + "where user_id = ?::uuid", userId)).isEqualTo(1);

        Response expired = reset(token, NEW_PASSWORD);
        Response unknown = reset("x".repeat(43), NEW_PASSWORD);

        expired.then().statusCode(400).body("type", equalTo(INVALID_RESET));
        assertThat(expired.<String>path("detail")).isEqualTo(unknown.path("detail"));
        login(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void usingOneResetTokenInvalidatesTheUsersOlderOnes() {
        String email = uniqueEmail();
        signUp(email);
        requestReset(email).then().statusCode(202);
        String older = SmtpSink.tokenIn(smtp.awaitMailTo(email, 1));
        requestReset(email).then().statusCode(202);
        String newer = SmtpSink.tokenIn(smtp.awaitMailTo(email, 2));

        reset(newer, NEW_PASSWORD).then().statusCode(204);

        reset(older, "yet another passphrase").then().statusCode(400).body("type", equalTo(INVALID_RESET));
        login(email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void badResetInputIsAProblemAndLeavesTheTokenUsable() {
        String email = uniqueEmail();
        signUp(email);
        requestReset(email).then().statusCode(202);
        String token = SmtpSink.tokenIn(smtp.awaitMailTo(email));

        reset(token, "short").then().statusCode(400).body("type", equalTo("urn:frostline:problem:validation-failed"));
        requestReset("not-an-email").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/identity/password/resets")
                .then().statusCode(400).contentType("application/problem+json");

        reset(token, NEW_PASSWORD).then().statusCode(204);
    }
}
