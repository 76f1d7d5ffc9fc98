package dev.frostline.alert.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhook endpoints and personal preferences over REST: roles, tenancy, bad input. */
@QuarkusTest
class NotificationSettingsResourceTest {

    private static final String WEBHOOKS = "/api/alerts/notifications/webhooks";
    private static final String PREFERENCES = "/api/alerts/notifications/preferences/me";
    private static final String VALIDATION_FAILED = "urn:frostline:problem:validation-failed";

    private static Response send(String method, String token, String path, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path);
    }

    @Test
    void adminManagesEndpointsAndSeesTheSecretOnlyOnCreation() {
        UUID orgId = UUID.randomUUID();
        String admin = TestTokens.token(UUID.randomUUID(), orgId, Role.ADMIN);

        String id = send("POST", admin, WEBHOOKS, "{\"url\": \"https://hooks.example.com/frostline\","
                + " \"description\": \"Ops\", \"minSeverity\": \"critical\"}")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("secret", startsWith("whsec_"))
                .body("url", equalTo("https://hooks.example.com/frostline"))
                .body("minSeverity", equalTo("critical"))
                .body("enabled", equalTo(true))
                .extract().path("id");

        send("GET", admin, WEBHOOKS, null).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(id)).body("[0]", not(hasKey("secret")));
        send("PUT", admin, WEBHOOKS + "/" + id, "{\"url\": \"https://hooks.example.com/v2\", \"enabled\": false}")
                .then().statusCode(200)
                .body("url", equalTo("https://hooks.example.com/v2"))
                .body("enabled", equalTo(false))
                .body("minSeverity", equalTo("warning"))
                .body("updatedAt", notNullValue())
                .body("$", not(hasKey("secret")));
        send("GET", admin, WEBHOOKS + "/" + id, null).then().statusCode(200).body("enabled", equalTo(false));
        send("DELETE", admin, WEBHOOKS + "/" + id, null).then().statusCode(204);
        send("GET", admin, WEBHOOKS + "/" + id, null).then().statusCode(404);
    }

    @Test
    void belowAdminEndpointsAreForbiddenAndAnotherOrgsAreNotFound() {
        UUID orgId = UUID.randomUUID();
        String admin = TestTokens.token(UUID.randomUUID(), orgId, Role.ADMIN);
        String manager = TestTokens.token(UUID.randomUUID(), orgId, Role.MANAGER);
        String otherOwner = TestTokens.newOrgToken(Role.OWNER);
        String id = send("POST", admin, WEBHOOKS, "{\"url\": \"https://hooks.example.com/a\"}").then().statusCode(201)
                .extract().path("id");

        send("GET", manager, WEBHOOKS, null).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:forbidden"));
        send("POST", manager, WEBHOOKS, "{\"url\": \"https://hooks.example.com/b\"}").then().statusCode(403);
        send("GET", manager, WEBHOOKS + "/" + id, null).then().statusCode(403);
        send("DELETE", manager, WEBHOOKS + "/" + id, null).then().statusCode(403);

        for (String method : new String[] {"GET", "DELETE"}) {
            send(method, otherOwner, WEBHOOKS + "/" + id, null).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:frostline:problem:not-found"));
        }
        send("PUT", otherOwner, WEBHOOKS + "/" + id, "{\"url\": \"https://evil.example.com/\"}").then().statusCode(404);
        send("GET", otherOwner, WEBHOOKS, null).then().statusCode(200).body("$", hasSize(0));
        send("GET", admin, WEBHOOKS + "/" + id, null).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.com/a"));
    }

    @Test
    void badEndpointInputIsRefusedAndNothingIsStored() {
        String admin = TestTokens.newOrgToken(Role.ADMIN);
        for (String body : new String[] {"{}", "{\"url\": \"ftp://hooks.example.com/\"}", "{\"url\": \"/relative\"}",
                "{\"url\": \"https://user:pw@hooks.example.com/\"}", "{\"url\": \"https://hooks.example.com/\", \"minSeverity\": \"loud\"}"}) {
            send("POST", admin, WEBHOOKS, body).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION_FAILED));
        }
        send("POST", admin, WEBHOOKS, "{\"url\": \"https://hooks.example.com/\", \"secret\": \"mine\"}")
                .then().statusCode(400);
        send("GET", admin, WEBHOOKS, null).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void preferencesDefaultToEveryNoticeByEmailAndAreEachMembersOwn() {
        UUID orgId = UUID.randomUUID();
        String viewer = TestTokens.token(UUID.randomUUID(), orgId, Role.VIEWER);
        String colleague = TestTokens.token(UUID.randomUUID(), orgId, Role.OWNER);

        send("GET", viewer, PREFERENCES, null).then().statusCode(200)
                .body("channels", equalTo(java.util.List.of("email"))).body("minSeverity", equalTo("warning"));
        send("PUT", viewer, PREFERENCES, "{\"channels\": [], \"minSeverity\": \"critical\"}").then().statusCode(200)
                .body("channels", hasSize(0)).body("minSeverity", equalTo("critical"));
        send("GET", viewer, PREFERENCES, null).then().statusCode(200)
                .body("channels", hasSize(0)).body("minSeverity", equalTo("critical"));
        send("GET", colleague, PREFERENCES, null).then().statusCode(200)
                .body("channels", equalTo(java.util.List.of("email"))).body("minSeverity", equalTo("warning"));
    }

    @Test
    void badPreferencesAreRefusedAndChangeNothing() {
        String member = TestTokens.newOrgToken(Role.STAFF);
        send("PUT", member, PREFERENCES, "{\"channels\": [\"email\"], \"minSeverity\": \"critical\"}").then().statusCode(200);
        for (String body : new String[] {"{\"channels\": [\"webhook\"], \"minSeverity\": \"warning\"}",
                "{\"channels\": [\"sms\"], \"minSeverity\": \"warning\"}",
                "{\"channels\": [\"email\"], \"minSeverity\": \"loud\"}",
                "{\"channels\": [\"email\"]}", "{\"minSeverity\": \"warning\"}"}) {
            send("PUT", member, PREFERENCES, body).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION_FAILED));
        }
        send("GET", member, PREFERENCES, null).then().statusCode(200)
                .body("channels", equalTo(java.util.List.of("email"))).body("minSeverity", equalTo("critical"));
    }
}
