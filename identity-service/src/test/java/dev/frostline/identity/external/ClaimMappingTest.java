package dev.frostline.identity.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimMappingTest {

    private static final String ISSUER = "https://project.supabase.co/auth/v1";
    private static final Instant EXP = Instant.parse("2030-01-01T00:00:00Z");
    private final ExternalRoleMapping roles = new ExternalRoleMapping(Map.of("fleet_manager", "manager"), "viewer");

    private ClaimMapping supabase() {
        return new ClaimMapping("sub", "email", Optional.of("app_metadata.org_id"),
                Optional.of("app_metadata.org_name"), Optional.of("app_metadata.role"), roles);
    }

    @Test
    void readsUserEmailOrganizationAndRoleThroughTheirPaths() {
        ExternalClaims claims = supabase().read(ISSUER, Map.of(
                "sub", "u-1",
                "email", "  Ada@Example.COM ",
                "app_metadata", Map.of("org_id", "org-9", "org_name", "Cold Foods", "role", "fleet_manager")), EXP);

        assertThat(claims).isEqualTo(new ExternalClaims(ISSUER, "u-1", "ada@example.com", "org-9", "Cold Foods",
                Role.MANAGER, EXP));
    }

    @Test
    void withoutANameClaimTheOrganizationIsNamedByItsId() {
        ExternalClaims claims = supabase().read(ISSUER, Map.of("sub", "u-1", "email", "a@example.com",
                "app_metadata", Map.of("org_id", "org-9")), EXP);

        assertThat(claims.orgName()).isEqualTo("org-9");
        assertThat(claims.role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void withoutAnOrgClaimConfiguredEveryUserGetsAnOrganizationOfTheirOwn() {
        ClaimMapping mapping = new ClaimMapping("sub", "email", Optional.empty(), Optional.empty(), Optional.empty(),
                roles);

        ExternalClaims claims = mapping.read(ISSUER, Map.of("sub", "u-1", "email", "a@example.com"), EXP);

        assertThat(claims.orgKey()).isEqualTo(ClaimMapping.PERSONAL_ORG_PREFIX + "u-1");
        assertThat(claims.orgName()).isEqualTo("a@example.com");
    }

    @Test
    void aMissingSubjectEmailOrOrgClaimIsRefused() {
        Map<String, Object> org = Map.of("org_id", "org-9");
        assertThatThrownBy(() -> supabase().read(ISSUER, Map.of("email", "a@example.com", "app_metadata", org), EXP))
                .isInstanceOf(ClaimMapping.MissingClaimException.class).hasMessageContaining("sub");
        assertThatThrownBy(() -> supabase().read(ISSUER, Map.of("sub", "u-1", "app_metadata", org), EXP))
                .isInstanceOf(ClaimMapping.MissingClaimException.class).hasMessageContaining("email");
        assertThatThrownBy(() -> supabase().read(ISSUER, Map.of("sub", "u-1", "email", "a@example.com"), EXP))
                .isInstanceOf(ClaimMapping.MissingClaimException.class).hasMessageContaining("app_metadata.org_id");
    }

    @Test
    void anEmailClaimThatIsNotAnAddressIsRefused() {
        assertThatThrownBy(() -> supabase().read(ISSUER, Map.of("sub", "u-1", "email", "not-an-address",
                "app_metadata", Map.of("org_id", "org-9")), EXP))
                .isInstanceOf(ClaimMapping.MissingClaimException.class);
    }
}
