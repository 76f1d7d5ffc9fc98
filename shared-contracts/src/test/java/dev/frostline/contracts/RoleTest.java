package dev.frostline.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void rolesAreOrderedViewerStaffManagerAdminOwner() {
        assertThat(Role.STAFF.atLeast(Role.VIEWER)).isTrue();
        assertThat(Role.MANAGER.atLeast(Role.STAFF)).isTrue();
        assertThat(Role.ADMIN.atLeast(Role.MANAGER)).isTrue();
        assertThat(Role.OWNER.atLeast(Role.ADMIN)).isTrue();
        assertThat(Role.VIEWER.atLeast(Role.STAFF)).isFalse();
        assertThat(Role.ADMIN.atLeast(Role.OWNER)).isFalse();
    }

    @Test
    void everyRoleSatisfiesItself() {
        for (Role role : Role.values()) {
            assertThat(role.atLeast(role)).isTrue();
        }
    }

    @Test
    void claimValueRoundTrips() {
        for (Role role : Role.values()) {
            assertThat(Role.fromClaim(role.claimValue())).isEqualTo(role);
        }
        assertThatThrownBy(() -> Role.fromClaim("superuser")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void managerImpliesStaffAndViewerButNotAdmin() {
        assertThat(Role.MANAGER.impliedClaimValues()).containsExactly("viewer", "staff", "manager");
        assertThat(Role.VIEWER.impliedClaimValues()).containsExactly("viewer");
    }
}
