package dev.frostline.catalog.permission;

import static dev.frostline.catalog.permission.CatalogOperation.ASSIGN_SENSORS;
import static dev.frostline.catalog.permission.CatalogOperation.READ;
import static dev.frostline.catalog.permission.CatalogOperation.READ_AUDIT;
import static dev.frostline.catalog.permission.CatalogOperation.WRITE_AREAS;
import static dev.frostline.catalog.permission.CatalogOperation.WRITE_GATEWAYS;
import static dev.frostline.catalog.permission.CatalogOperation.WRITE_SENSORS;
import static dev.frostline.catalog.permission.CatalogOperation.WRITE_SITES;
import static dev.frostline.catalog.permission.CatalogOperation.WRITE_UNITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogPermissionsTest {

    /** The table of issue 4, written out independently of the enum so a change to either is caught. */
    private static final Map<Role, Set<CatalogOperation>> ALLOWED = Map.of(
            Role.VIEWER, EnumSet.of(READ),
            Role.STAFF, EnumSet.of(READ),
            Role.MANAGER, EnumSet.of(READ, WRITE_AREAS, WRITE_UNITS, ASSIGN_SENSORS),
            Role.ADMIN, EnumSet.of(READ, WRITE_AREAS, WRITE_UNITS, ASSIGN_SENSORS, WRITE_SITES, WRITE_SENSORS,
                    WRITE_GATEWAYS, READ_AUDIT),
            Role.OWNER, EnumSet.allOf(CatalogOperation.class));

    @Test
    void everyRoleIsAllowedExactlyTheOperationsOfTheTable() {
        for (Role role : Role.values()) {
            for (CatalogOperation operation : CatalogOperation.values()) {
                assertThat(CatalogPermissions.allows(role, operation))
                        .as("%s may %s", role, operation)
                        .isEqualTo(ALLOWED.get(role).contains(operation));
            }
        }
    }

    @Test
    void requireThrowsTheForbiddenProblemForTooLowARole() {
        Caller staff = new Caller(UUID.randomUUID(), UUID.randomUUID(), Role.STAFF, "s@example.com");
        assertThatCode(() -> CatalogPermissions.require(staff, READ)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CatalogPermissions.require(staff, WRITE_UNITS))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("manager");
    }

    @Test
    void everyKindOfEntityIsWrittenUnderItsOwnOperation() {
        assertThat(CatalogPermissions.writeOf(dev.frostline.catalog.hierarchy.EntityType.SITE)).isEqualTo(WRITE_SITES);
        assertThat(CatalogPermissions.writeOf(dev.frostline.catalog.hierarchy.EntityType.AREA)).isEqualTo(WRITE_AREAS);
        assertThat(CatalogPermissions.writeOf(dev.frostline.catalog.hierarchy.EntityType.UNIT)).isEqualTo(WRITE_UNITS);
        assertThat(CatalogPermissions.writeOf(dev.frostline.catalog.hierarchy.EntityType.SENSOR)).isEqualTo(WRITE_SENSORS);
        assertThat(CatalogPermissions.writeOf(dev.frostline.catalog.hierarchy.EntityType.GATEWAY)).isEqualTo(WRITE_GATEWAYS);
    }

    @Test
    void readmeShowsTheTableThisCodeEnforces() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(CatalogPermissions.markdownTable());
    }
}
