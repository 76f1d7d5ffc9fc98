package dev.frostline.identity.external;

import dev.frostline.contracts.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an issuer's role claim into a Frostline role. Only values listed in the mapping grant
 * anything: an unlisted value, even one spelled like a Frostline role, gives the default role,
 * because some issuers let users edit parts of their own claims. A list claim (Keycloak's
 * {@code realm_access.roles}) gives the highest role any of its values maps to.
 */
public final class ExternalRoleMapping {

    private final Map<String, Role> mapping;
    private final Role defaultRole;

    public ExternalRoleMapping(Map<String, String> mapping, String defaultRole) {
        Map<String, Role> parsed = new LinkedHashMap<>();
        mapping.forEach((external, role) -> parsed.put(external, parseRole(role, "role mapping of '" + external + "'")));
        this.mapping = Map.copyOf(parsed);
        this.defaultRole = parseRole(defaultRole, "default role");
    }

    /** @param claim the role claim as parsed JSON: a string, a list of them, or absent */
    public Role roleFor(Optional<Object> claim) {
        if (claim.isEmpty()) {
            return defaultRole;
        }
        Object value = claim.get();
        if (value instanceof Collection<?> values) {
            return values.stream()
                    .map(this::mapped)
                    .flatMap(Optional::stream)
                    .max(Role::compareTo)
                    .orElse(defaultRole);
        }
        return mapped(value).orElse(defaultRole);
    }

    private Optional<Role> mapped(Object value) {
        return value instanceof String text ? Optional.ofNullable(mapping.get(text.trim())) : Optional.empty();
    }

    private static Role parseRole(String value, String what) {
        try {
            return Role.fromClaim(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be one of viewer, staff, manager, admin, owner; got '"
                    + value + "'", e);
        }
    }
}
