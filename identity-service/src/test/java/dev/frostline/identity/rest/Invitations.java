package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.PASSWORD;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;

import dev.frostline.identity.testing.SmtpSink;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/** Builds members the way real users become members: an invite, its mail, and its acceptance. */
final class Invitations {

    /** A member of the inviter's active organization, signed in there. */
    record Member(String userId, String email, String accessToken, String refreshToken) {
    }

    private Invitations() {
    }

    static Response invite(String token, String email, String role) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", email, "role", role)).post("/api/identity/invites");
    }

    /** The token of the latest invite mail to {@code email}; {@code nth} counts mails to that address. */
    static String inviteToken(SmtpSink smtp, String email, int nth) {
        return SmtpSink.tokenIn(smtp.awaitMailTo(email, nth));
    }

    static Response acceptWithSignup(String inviteToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", inviteToken, "password", PASSWORD, "displayName", "Invited"))
                .post("/api/identity/invites/accept-signup");
    }

    /** Invites a new person with {@code role} (as {@code inviterToken}) and has them accept by signing up. */
    static Member join(SmtpSink smtp, String inviterToken, String role) {
        String email = uniqueEmail();
        invite(inviterToken, email, role).then().statusCode(201);
        Response accepted = acceptWithSignup(inviteToken(smtp, email, 1));
        accepted.then().statusCode(201);
        return new Member(accepted.path("userId"), email, accepted.path("accessToken"), accepted.path("refreshToken"));
    }
}
