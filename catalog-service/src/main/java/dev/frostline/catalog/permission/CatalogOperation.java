package dev.frostline.catalog.permission;

import dev.frostline.contracts.Role;

/**
 * Everything a caller can do in the catalog, each with the least role it needs. This enum is the
 * permission table: {@link CatalogPermissions} enforces it and renders it for the README.
 */
public enum CatalogOperation {
    READ(Role.VIEWER, "Read sites, areas, units, sensors, gateways and assignment history"),
    WRITE_AREAS(Role.MANAGER, "Create, update, delete and restore areas"),
    WRITE_UNITS(Role.MANAGER, "Create, update, move, delete and restore units"),
    ASSIGN_SENSORS(Role.MANAGER, "Assign and unassign sensors, make a sensor a unit's primary"),
    WRITE_SITES(Role.ADMIN, "Create, update, delete and restore sites"),
    WRITE_SENSORS(Role.ADMIN, "Register, update, delete and restore sensors"),
    WRITE_GATEWAYS(Role.ADMIN, "Register, update, delete and restore gateways"),
    READ_AUDIT(Role.ADMIN, "Query the catalog audit log");

    private final Role leastRole;
    private final String description;

    CatalogOperation(Role leastRole, String description) {
        this.leastRole = leastRole;
        this.description = description;
    }

    public Role leastRole() {
        return leastRole;
    }

    public String description() {
        return description;
    }
}
