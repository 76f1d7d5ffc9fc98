package dev.frostline.catalog.hierarchy;

import dev.frostline.contracts.Role;

/**
 * The least role each catalog operation needs; the only place these rules are written. Every use
 * case passes one of these to {@code caller.require(...)}.
 */
public final class CatalogPermissions {

    /** Everyone in the org sees its hierarchy. */
    public static final Role READ_HIERARCHY = Role.VIEWER;
    /** Sites shape the whole org (time zone, later billing and retention): admins. */
    public static final Role MANAGE_SITES = Role.ADMIN;
    /** Areas and units are day-to-day layout: managers. */
    public static final Role MANAGE_AREAS = Role.MANAGER;
    public static final Role MANAGE_UNITS = Role.MANAGER;

    private CatalogPermissions() {
    }
}
