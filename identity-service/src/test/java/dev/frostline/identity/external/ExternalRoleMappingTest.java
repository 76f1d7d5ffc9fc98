package dev.frostline.identity.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExternalRoleMappingTest {

    private final ExternalRoleMapping mapping = new ExternalRoleMapping(
            Map.of("fleet_manager", "manager", "org_admin", "admin", "technician", "staff"), "viewer");

    @Test
    void aMappedValueGivesItsRole() {
        assertThat(mapping.roleFor(Optional.of("fleet_manager"))).isEqualTo(Role.MANAGER);
    }

    @Test
    void anAbsentOrUnmappedValueGivesTheDefaultRole() {
        assertThat(mapping.roleFor(Optional.empty())).isEqualTo(Role.VIEWER);
        assertThat(mapping.roleFor(Optional.of("intern"))).isEqualTo(Role.VIEWER);
        assertThat(mapping.roleFor(Optional.of(7))).isEqualTo(Role.VIEWER);
    }

    @Test
    void aValueSpelledLikeAFrostlineRoleGrantsNothingUnlessMapped() {
        assertThat(mapping.roleFor(Optional.of("owner"))).isEqualTo(Role.VIEWER);
        assertThat(mapping.roleFor(Optional.of("admin"))).isEqualTo(Role.VIEWER);
    }

    @Test
    void aListGivesTheHighestRoleAnyOfItsValuesMapsTo() {
        assertThat(mapping.roleFor(Optional.of(List.of("technician", "org_admin", "offline_access"))))
                .isEqualTo(Role.ADMIN);
        assertThat(mapping.roleFor(Optional.of(List.of("offline_access")))).isEqualTo(Role.VIEWER);
    }

    @Test
    void theDefaultRoleIsConfigurable() {
        assertThat(new ExternalRoleMapping(Map.of(), "staff").roleFor(Optional.of("x"))).isEqualTo(Role.STAFF);
    }

    @Test
    void aMappingToAnUnknownRoleIsAConfigurationError() {
        assertThatThrownBy(() -> new ExternalRoleMapping(Map.of("boss", "superuser"), "viewer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boss");
        assertThatThrownBy(() -> new ExternalRoleMapping(Map.of(), "guest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default role");
    }
}
