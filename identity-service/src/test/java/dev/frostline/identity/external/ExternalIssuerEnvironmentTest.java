package dev.frostline.identity.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalIssuerEnvironmentTest {

    private static final String P = "frostline.identity.external.issuers.";

    @Test
    void everyIssuerVariableBecomesItsProperty() {
        Map<String, String> properties = ExternalIssuerEnvironment.translate(Map.ofEntries(
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_ISSUER", "https://p.supabase.co/auth/v1"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_JWKS_URL", "https://p.supabase.co/auth/v1/.well-known/jwks.json"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_AUDIENCE", "authenticated"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_CLAIMS_USER_ID", "sub"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_CLAIMS_EMAIL", "email"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_CLAIMS_ORG", "app_metadata.org_id"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_CLAIMS_ORG_NAME", "app_metadata.org_name"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_CLAIMS_ROLE", "app_metadata.role"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_DEFAULT_ROLE", "staff"),
                Map.entry("FROSTLINE_EXTERNAL_ISSUER_SUPABASE_PROVISION", "false")));

        assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of(
                P + "supabase.issuer", "https://p.supabase.co/auth/v1",
                P + "supabase.jwks-url", "https://p.supabase.co/auth/v1/.well-known/jwks.json",
                P + "supabase.audience", "authenticated",
                P + "supabase.claims.user-id", "sub",
                P + "supabase.claims.email", "email",
                P + "supabase.claims.org", "app_metadata.org_id",
                P + "supabase.claims.org-name", "app_metadata.org_name",
                P + "supabase.claims.role", "app_metadata.role",
                P + "supabase.default-role", "staff",
                P + "supabase.provision", "false"));
    }

    @Test
    void theRoleMappingIsOneVariableWhoseKeysKeepTheirCase() {
        Map<String, String> properties = ExternalIssuerEnvironment.translate(Map.of(
                "FROSTLINE_EXTERNAL_ISSUER_KEYCLOAK_ROLE_MAPPING", "Fleet-Manager=manager, service_role = admin,realm.admin=owner,"));

        assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of(
                P + "keycloak.role-mapping.Fleet-Manager", "manager",
                P + "keycloak.role-mapping.service_role", "admin",
                P + "keycloak.role-mapping.\"realm.admin\"", "owner"));
    }

    @Test
    void aNameMayContainUnderscoresAndEndInAFieldName() {
        Map<String, String> properties = ExternalIssuerEnvironment.translate(Map.of(
                "FROSTLINE_EXTERNAL_ISSUER_STACK_AUTH_ISSUER", "https://stack",
                "FROSTLINE_EXTERNAL_ISSUER_MY_ISSUER_ISSUER", "https://mine"));

        assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of(
                P + "stack-auth.issuer", "https://stack",
                P + "my-issuer.issuer", "https://mine"));
    }

    @Test
    void otherVariablesAreIgnored() {
        assertThat(ExternalIssuerEnvironment.translate(Map.of(
                "FROSTLINE_EXTERNAL_JWKS_CACHE_TTL", "PT1M",
                "FROSTLINE_EXTERNAL_ISSUER_X_UNKNOWN_FIELD", "1",
                "FROSTLINE_EXTERNAL_ISSUER_ISSUER", "no name",
                "PATH", "/usr/bin"))).isEmpty();
    }

    @Test
    void aRoleMappingEntryWithoutEqualsIsAConfigurationError() {
        assertThatThrownBy(() -> ExternalIssuerEnvironment.translate(Map.of(
                "FROSTLINE_EXTERNAL_ISSUER_X_ROLE_MAPPING", "admin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin");
    }
}
