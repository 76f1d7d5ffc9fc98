package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.Role;
import dev.frostline.identity.rest.Invitations.Member;
import dev.frostline.identity.testing.InjectSmtpSink;
import dev.frostline.identity.testing.SmtpSink;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which of the five roles may do each organization operation, tested both ways: every allowed role
 * succeeds, every other role gets 403. The members are made through the real flow (invite, mail,
 * accept); each operation acts on a target of its own.
 */
@QuarkusTest
class RoleMatrixTest {

    /** One organization with one member per role, shared by the cases; built by the first case. */
    private static Organization org;

    @InjectSmtpSink
    SmtpSink smtp;

    record Organization(String ownerToken, Map<Role, String> tokens) {
    }

    enum Operation {
        LIST_MEMBERS(Role.VIEWER, 200),
        CHANGE_ROLE(Role.ADMIN, 200),
        REMOVE_MEMBER(Role.ADMIN, 204),
        CREATE_INVITE(Role.ADMIN, 201),
        LIST_INVITES(Role.ADMIN, 200),
        REVOKE_INVITE(Role.ADMIN, 204),
        CREATE_API_KEY(Role.ADMIN, 201),
        LIST_API_KEYS(Role.ADMIN, 200),
        REVOKE_API_KEY(Role.ADMIN, 200),
        QUERY_AUDIT(Role.ADMIN, 200),
        // Only an owner grants admin or owner: an admin may grant staff, but not their own role.
        GRANT_ADMIN(Role.OWNER, 200),
        GRANT_OWNER(Role.OWNER, 200);

        final Role leastRole;
        final int successStatus;

        Operation(Role leastRole, int successStatus) {
            this.leastRole = leastRole;
            this.successStatus = successStatus;
        }
    }

    static Stream<Arguments> everyOperationAsEveryRole() {
        return Stream.of(Operation.values())
                .flatMap(operation -> Stream.of(Role.values()).map(role -> Arguments.of(operation, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyOperationAsEveryRole")
    void operationIsAllowedExactlyFromItsLeastRoleUp(Operation operation, Role role) {
        Organization organization = organization();

        Response response = perform(operation, organization, organization.tokens().get(role));

        if (role.atLeast(operation.leastRole)) {
            assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(operation.successStatus);
        } else {
            assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(403);
            assertThat(response.<String>path("type")).isEqualTo("urn:frostline:problem:forbidden");
        }
    }

    private Organization organization() {
        if (org == null) {
            String owner = signUp(uniqueEmail()).path("accessToken");
            Map<Role, String> tokens = new EnumMap<>(Role.class);
            tokens.put(Role.OWNER, owner);
            for (Role role : new Role[] {Role.VIEWER, Role.STAFF, Role.MANAGER, Role.ADMIN}) {
                tokens.put(role, Invitations.join(smtp, owner, role.claimValue()).accessToken());
            }
            org = new Organization(owner, tokens);
        }
        return org;
    }

    private Response perform(Operation operation, Organization organization, String actor) {
        String owner = organization.ownerToken();
        return switch (operation) {
            case LIST_MEMBERS -> given().auth().oauth2(actor).get("/api/identity/members");
            case CHANGE_ROLE -> changeNewViewersRole(organization, actor, "staff");
            case GRANT_ADMIN -> changeNewViewersRole(organization, actor, "admin");
            case GRANT_OWNER -> changeNewViewersRole(organization, actor, "owner");
            case QUERY_AUDIT -> given().auth().oauth2(actor).get("/api/identity/audit");
            case REMOVE_MEMBER -> {
                Member target = Invitations.join(smtp, owner, "viewer");
                yield given().auth().oauth2(actor).delete("/api/identity/members/" + target.userId());
            }
            case CREATE_INVITE -> Invitations.invite(actor, uniqueEmail(), "viewer");
            case LIST_INVITES -> given().auth().oauth2(actor).get("/api/identity/invites");
            case REVOKE_INVITE -> {
                String id = Invitations.invite(owner, uniqueEmail(), "viewer").path("id");
                yield given().auth().oauth2(actor).delete("/api/identity/invites/" + id);
            }
            case CREATE_API_KEY -> createApiKey(actor);
            case LIST_API_KEYS -> given().auth().oauth2(actor).get("/api/identity/api-keys");
            case REVOKE_API_KEY -> {
                String id = createApiKey(owner).path("id");
                yield given().auth().oauth2(actor).delete("/api/identity/api-keys/" + id);
            }
        };
    }

    private Response changeNewViewersRole(Organization organization, String actor, String role) {
        Member target = Invitations.join(smtp, organization.ownerToken(), "viewer");
        return given().auth().oauth2(actor).contentType(ContentType.JSON).body(Map.of("role", role))
                .put("/api/identity/members/" + target.userId() + "/role");
    }

    private static Response createApiKey(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "matrix"))
                .post("/api/identity/api-keys");
    }
}
