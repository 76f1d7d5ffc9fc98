package dev.frostline.support.security;


import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import java.util.UUID;

/**
 * Who is calling: the user, the active organization of their token and their role in it.
 * Every read and write of org data is scoped to {@link #orgId()}.
 */
public record Caller(UUID userId, UUID orgId, Role role, String email) {

    /** Throws 403 unless the caller's role is at least {@code required}. */
    public void require(Role required) {
        if (!role.atLeast(required)) {
            throw ProblemException.forbidden("This operation needs the " + required.claimValue()
                    + " role or higher; you are " + role.claimValue() + ".");
        }
    }
}
