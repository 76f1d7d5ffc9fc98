package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.PASSWORD;
import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static dev.frostline.identity.rest.Invitations.acceptWithSignup;
import static dev.frostline.identity.rest.Invitations.invite;
import static dev.frostline.identity.rest.Invitations.inviteToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.frostline.identity.rest.Invitations.Member;
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
class InviteResourceTest {

    private static final String INVALID_INVITE = "urn:frostline:problem:invalid-invite";

    @InjectSmtpSink
    SmtpSink smtp;

    @Inject
    AgroalDataSource dataSource;

    TestDb db;

    @BeforeEach
    void setUp() {
        db = new TestDb(dataSource);
    }

    private static Response accept(String accessToken, String inviteToken) {
        return given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("token", inviteToken))
                .post("/api/identity/invites/accept");
    }

    private static Response pending(String token) {
        return given().auth().oauth2(token).get("/api/identity/invites");
    }

    @Test
    void inviteFlowEndToEndAdminInvitesAnExistingUserWhoAcceptsAndSeesTheOrganization() {
        String ownerEmail = uniqueEmail();
        Response owner = signUp(ownerEmail);
        String orgOfA = owner.path("orgId");
        Member admin = Invitations.join(smtp, owner.path("accessToken"), "admin");
        String bobEmail = uniqueEmail();
        Response bob = signUp(bobEmail);

        Response invited = invite(admin.accessToken(), bobEmail.toUpperCase(), "staff");
        invited.then().statusCode(201)
                .body("email", equalTo(bobEmail))
                .body("role", equalTo("staff"))
                .body("expiresAt", notNullValue())
                .body("$", not(hasKey("token")));
        MimeMessage mail = smtp.awaitMailTo(bobEmail);
        assertThat(SmtpSink.subject(mail)).isEqualTo("You are invited to Cold Foods " + ownerEmail + " on Frostline");
        String token = SmtpSink.tokenIn(mail);
        assertThat(SmtpSink.text(mail)).contains("http://127.0.0.1:8080/accept-invite?token=" + token).contains("as staff");
        pending(admin.accessToken()).then().statusCode(200).body("id", hasItem(invited.<String>path("id")));

        Response accepted = accept(bob.path("accessToken"), token);
        accepted.then().statusCode(200).body("orgId", equalTo(orgOfA)).body("role", equalTo("staff"))
                .body("userId", equalTo(bob.path("userId")));
        String inA = accepted.path("accessToken");

        given().auth().oauth2(inA).get("/api/identity/orgs").then().statusCode(200)
                .body("id", containsInAnyOrder(bob.path("orgId"), orgOfA));
        given().auth().oauth2(inA).get("/api/identity/members").then().statusCode(200)
                .body("email", containsInAnyOrder(ownerEmail, admin.email(), bobEmail));
        given().auth().oauth2(inA).get("/api/identity/me").then().statusCode(200)
                .body("orgId", equalTo(orgOfA)).body("role", equalTo("staff")).body("memberships", hasSize(2));
        pending(admin.accessToken()).then().body("id", not(hasItem(invited.<String>path("id"))));
        assertThat(db.column("select action from audit_events where target_id = ? order by occurred_at",
                invited.<String>path("id"))).containsExactly("member_invited", "invite_accepted");
        // The token is single use.
        accept(bob.path("accessToken"), token).then().statusCode(400).body("type", equalTo(INVALID_INVITE));
    }

    @Test
    void acceptingBySigningUpCreatesAnAccountWithNoOrganizationOfItsOwn() {
        Response owner = signUp(uniqueEmail());
        String email = uniqueEmail();
        invite(owner.path("accessToken"), email, "manager").then().statusCode(201);

        Response joined = acceptWithSignup(inviteToken(smtp, email, 1));
        joined.then().statusCode(201).body("orgId", equalTo(owner.path("orgId"))).body("role", equalTo("manager"));

        given().auth().oauth2(joined.<String>path("accessToken")).get("/api/identity/orgs").then()
                .body("$", hasSize(1)).body("[0].id", equalTo(owner.path("orgId")));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/identity/token").then().statusCode(200).body("orgId", equalTo(owner.path("orgId")));
        assertThat(db.column("select action from audit_events where actor_id = ?::uuid order by occurred_at",
                joined.<String>path("userId"))).containsExactly("signed_up", "invite_accepted", "login_succeeded");
    }

    @Test
    void signingUpThroughAnInviteForAnEmailThatHasAnAccountIsAConflict() {
        String owner = signUp(uniqueEmail()).path("accessToken");
        String email = uniqueEmail();
        signUp(email);
        invite(owner, email, "viewer").then().statusCode(201);

        acceptWithSignup(inviteToken(smtp, email, 1)).then().statusCode(409)
                .body("type", equalTo("urn:frostline:problem:email-taken"));
    }

    @Test
    void revokedOrExpiredInvitesCannotBeAccepted() {
        String owner = signUp(uniqueEmail()).path("accessToken");
        String revokedEmail = uniqueEmail();
        String revokedId = invite(owner, revokedEmail, "viewer").path("id");
        String expiredEmail = uniqueEmail();
        String expiredId = invite(owner, expiredEmail, "viewer").path("id");
        String revokedToken = inviteToken(smtp, revokedEmail, 1);
        String expiredToken = inviteToken(smtp, expiredEmail, 1);

        given().auth().oauth2(owner).delete("/api/identity/invites/" + revokedId).then().statusCode(204);
        assertThat(db.update("update invites set expires_at = now() - interval '1 second' where id = ?::uuid",
                expiredId)).isEqualTo(1);

        acceptWithSignup(revokedToken).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(INVALID_INVITE));
        acceptWithSignup(expiredToken).then().statusCode(400).body("type", equalTo(INVALID_INVITE));
        acceptWithSignup("y".repeat(43)).then().statusCode(400).body("type", equalTo(INVALID_INVITE));
        pending(owner).then().body("$", hasSize(0));
    }

    @Test
    void anInviteForAnotherEmailIsRefusedAndStaysUsableByItsInvitee() {
        String owner = signUp(uniqueEmail()).path("accessToken");
        String carol = uniqueEmail();
        invite(owner, carol, "viewer").then().statusCode(201);
        String token = inviteToken(smtp, carol, 1);
        String mallory = signUp(uniqueEmail()).path("accessToken");

        accept(mallory, token).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:invite-for-another-email"));

        acceptWithSignup(token).then().statusCode(201);
    }

    @Test
    void invitingSomeoneWhoIsAlreadyAMemberIsAConflict() {
        String ownerEmail = uniqueEmail();
        String owner = signUp(ownerEmail).path("accessToken");

        invite(owner, ownerEmail, "viewer").then().statusCode(409)
                .body("type", equalTo("urn:frostline:problem:already-member"));
        pending(owner).then().body("$", hasSize(0));
    }

    @Test
    void aNewInviteForTheSameEmailReplacesThePendingOne() {
        String owner = signUp(uniqueEmail()).path("accessToken");
        String email = uniqueEmail();
        invite(owner, email, "viewer").then().statusCode(201);
        invite(owner, email, "staff").then().statusCode(201);
        String first = inviteToken(smtp, email, 1);
        String second = inviteToken(smtp, email, 2);

        pending(owner).then().body("$", hasSize(1)).body("[0].role", equalTo("staff"));
        acceptWithSignup(first).then().statusCode(400).body("type", equalTo(INVALID_INVITE));
        acceptWithSignup(second).then().statusCode(201).body("role", equalTo("staff"));
    }

    @Test
    void invitesOfAnotherOrganizationAreNotFound() {
        String ownerA = signUp(uniqueEmail()).path("accessToken");
        String ownerB = signUp(uniqueEmail()).path("accessToken");
        String inviteOfA = invite(ownerA, uniqueEmail(), "viewer").path("id");

        given().auth().oauth2(ownerB).delete("/api/identity/invites/" + inviteOfA).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:frostline:problem:not-found"));
        pending(ownerB).then().body("$", hasSize(0));
        pending(ownerA).then().body("id", hasItem(inviteOfA));
    }

    @Test
    void badInviteInputIsAProblemAndNothingIsStoredOrMailed() {
        String owner = signUp(uniqueEmail()).path("accessToken");
        String email = uniqueEmail();

        invite(owner, email, "boss").then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        invite(owner, "not an email", "viewer").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/identity/invites").then().statusCode(400);
        acceptWithSignup("").then().statusCode(400);

        pending(owner).then().body("$", hasSize(0));
        assertThat(db.column("select id::text from mail_outbox where recipient = ?", email)).isEmpty();
    }

    @Test
    void acceptingSignedInNeedsAnAccessToken() {
        given().contentType(ContentType.JSON).body(Map.of("token", "z".repeat(43)))
                .post("/api/identity/invites/accept").then().statusCode(401).contentType("application/problem+json");
    }
}
