package dev.frostline.identity.rest;

import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Roles as clients write them: the lower-case claim values. */
final class RoleNames {

    private static final String ALL = Arrays.stream(Role.values()).map(Role::claimValue).collect(Collectors.joining(", "));

    private RoleNames() {
    }

    static Role parse(String value) {
        try {
            return Role.fromClaim(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("role must be one of " + ALL);
        }
    }
}
