package dev.frostline.contracts;

import java.util.Locale;

/**
 * A member's role in an organization. Declaration order is the privilege order:
 * viewer &lt; staff &lt; manager &lt; admin &lt; owner. Every permission check in every
 * service goes through {@link #atLeast(Role)} so that order is defined only here.
 */
public enum Role {
    VIEWER, STAFF, MANAGER, ADMIN, OWNER;

    public boolean atLeast(Role required) {
        return compareTo(required) >= 0;
    }

    /**
     * This role and every role below it, as lower-case claim values: the {@code groups} of an access
     * token, so that {@code @RolesAllowed("staff")} admits staff and everyone above.
     */
    public java.util.Set<String> impliedClaimValues() {
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        for (Role role : values()) {
            if (atLeast(role)) {
                values.add(role.claimValue());
            }
        }
        return values;
    }

    /** The lower-case name used in JWT claims and JSON. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromClaim(String value) {
        if (value == null) {
            throw new IllegalArgumentException("role is missing");
        }
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
