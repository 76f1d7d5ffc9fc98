package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberResourceTest {

    private static final String FORBIDDEN = "urn:frostline:problem:forbidden";
    private static final String LAST_OWNER = "urn:frostline:problem:last-owner";

    @InjectSmtpSink
    SmtpSink smtp;

    @Inject
    AgroalDataSource dataSource;

    private static Response changeRole(String token, Object userId, String role) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("role", role))
                .put("/api/identity/members/" + userId + "/role");
    }

    private static Response remove(String token, Object userId) {
        return given().auth().oauth2(token).delete("/api/identity/members/" + userId);
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/identity/token/refresh");
    }

    private static Response members(String token) {
        return given().auth().oauth2(token).get("/api/identity/members");
    }

    @Test
    void everyMemberSeesTheMembersWithEmailRoleAndJoinTime() {
        String ownerEmail = uniqueEmail();
        String owner = signUp(ownerEmail).path("accessToken");
        Member viewer = Invitations.join(smtp, owner, "viewer");

        members(viewer.accessToken()).then().statusCode(200)
                .body("$", hasSize(2))
                .body("email", containsInAnyOrder(ownerEmail, viewer.email()))
                .body("role", containsInAnyOrder("owner", "viewer"))
                .body("[0].joinedAt", notNullValue())
                .body("find { it.userId == '%s' }.displayName".formatted(viewer.userId()), equalTo("Invited"));
    }

    @Test
    void roleChangeReachesTheMembersTokenAtTheirNextRefreshAndIsAudited() {
        Response owner = signUp(uniqueEmail());
        Member staff = Invitations.join(smtp, owner.path("accessToken"), "staff");

        changeRole(owner.path("accessToken"), staff.userId(), "manager").then().statusCode(200)
                .body("userId", equalTo(staff.userId())).body("role", equalTo("manager"));

        refresh(staff.refreshToken()).then().statusCode(200).body("role", equalTo("manager"));
        assertThat(new TestDb(dataSource).column("select details->>'from' || '>' || (details->>'to') from audit_events"
                + " where action = 'role_changed' and target_id = ?", staff.userId())).containsExactly("staff>manager");
    }

    @Test
    void removedMemberCannotRefreshAndIsNoLongerListed() {
        String owner = signUp(uniqueEmail()).path("accessToken");
        Member viewer = Invitations.join(smtp, owner, "viewer");

        remove(owner, viewer.userId()).then().statusCode(204);

        refresh(viewer.refreshToken()).then().statusCode(401);
        members(owner).then().body("userId", not(hasItem(viewer.userId())));
        assertThat(new TestDb(dataSource).column("select action from audit_events where action = 'member_removed'"
                + " and target_id = ?", viewer.userId())).hasSize(1);
    }

    @Test
    void anyMemberMayLeave() {
        String owner = signUp(uniqueEmail()).path("accessToken");
        Member viewer = Invitations.join(smtp, owner, "viewer");

        remove(viewer.accessToken(), viewer.userId()).then().statusCode(204);

        members(owner).then().body("$", hasSize(1));
    }

    @Test
    void theLastOwnerCanNeitherLeaveNorStepDownButCanOnceThereIsAnother() {
        Response created = signUp(uniqueEmail());
        String owner = created.path("accessToken");
        String ownerId = created.path("userId");

        remove(owner, ownerId).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(LAST_OWNER));
        changeRole(owner, ownerId, "admin").then().statusCode(409).body("type", equalTo(LAST_OWNER));

        Invitations.join(smtp, owner, "owner");
        changeRole(owner, ownerId, "admin").then().statusCode(200).body("role", equalTo("admin"));
    }

    @Test
    void anAdminCannotDemoteTheOwnerNorGrantAdmin() {
        Response created = signUp(uniqueEmail());
        String owner = created.path("accessToken");
        Member admin = Invitations.join(smtp, owner, "admin");
        Member viewer = Invitations.join(smtp, owner, "viewer");

        changeRole(admin.accessToken(), created.path("userId"), "viewer").then().statusCode(403)
                .body("type", equalTo(FORBIDDEN));
        remove(admin.accessToken(), created.path("userId")).then().statusCode(403);
        changeRole(admin.accessToken(), viewer.userId(), "admin").then().statusCode(403);
        changeRole(admin.accessToken(), viewer.userId(), "manager").then().statusCode(200);

        members(owner).then().body("find { it.userId == '%s' }.role".formatted(created.<String>path("userId")),
                equalTo("owner"));
    }

    @Test
    void membersOfAnotherOrganizationOrUnknownUsersAreNotFound() {
        String ownerA = signUp(uniqueEmail()).path("accessToken");
        Response b = signUp(uniqueEmail());
        String userOfB = b.path("userId");

        changeRole(ownerA, userOfB, "viewer").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:not-found"));
        remove(ownerA, userOfB).then().statusCode(404);
        remove(ownerA, UUID.randomUUID()).then().statusCode(404);

        members(b.path("accessToken")).then().body("$", hasSize(1)).body("[0].role", equalTo("owner"));
    }

    @Test
    void unknownRoleOrExtraFieldIsAProblemAndChangesNothing() {
        String owner = signUp(uniqueEmail()).path("accessToken");
        Member viewer = Invitations.join(smtp, owner, "viewer");

        changeRole(owner, viewer.userId(), "superuser").then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("role", "admin", "orgId", "x"))
                .put("/api/identity/members/" + viewer.userId() + "/role").then().statusCode(400);
        changeRole(owner, "not-a-uuid", "staff").then().statusCode(404);

        refresh(viewer.refreshToken()).then().statusCode(200).body("role", equalTo("viewer"));
    }
}
