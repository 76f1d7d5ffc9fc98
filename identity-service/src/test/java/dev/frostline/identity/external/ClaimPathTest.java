package dev.frostline.identity.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimPathTest {

    private static final Map<String, Object> CLAIMS = Map.of(
            "sub", "user-1",
            "app_metadata", Map.of("org_id", "acme", "tenant", Map.of("number", 42)),
            "realm_access", Map.of("roles", List.of("a", "b")),
            "blank", "  ");

    @Test
    void topLevelAndNestedClaimsAreFoundByDottedPath() {
        assertThat(ClaimPath.parse("sub").findText(CLAIMS)).contains("user-1");
        assertThat(ClaimPath.parse("app_metadata.org_id").findText(CLAIMS)).contains("acme");
        assertThat(ClaimPath.parse("realm_access.roles").find(CLAIMS)).contains(List.of("a", "b"));
    }

    @Test
    void numbersReadAsTextButObjectsListsAndBlanksDoNot() {
        assertThat(ClaimPath.parse("app_metadata.tenant.number").findText(CLAIMS)).contains("42");
        assertThat(ClaimPath.parse("app_metadata").findText(CLAIMS)).isEmpty();
        assertThat(ClaimPath.parse("realm_access.roles").findText(CLAIMS)).isEmpty();
        assertThat(ClaimPath.parse("blank").findText(CLAIMS)).isEmpty();
    }

    @Test
    void aPathThroughAMissingOrNonObjectMemberFindsNothing() {
        assertThat(ClaimPath.parse("app_metadata.missing").find(CLAIMS)).isEmpty();
        assertThat(ClaimPath.parse("sub.deeper").find(CLAIMS)).isEmpty();
        assertThat(ClaimPath.parse("nothing.at.all").find(CLAIMS)).isEmpty();
    }

    @Test
    void emptySegmentsAreAConfigurationError() {
        assertThatThrownBy(() -> ClaimPath.parse("app_metadata..org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimPath.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
