package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The caller's role in their active organization as stored now, not as their token says. Member
 * management reads it fresh so that an admin demoted or removed a minute ago cannot keep managing
 * members with the access token they still hold.
 */
@ApplicationScoped
public class ActingMember {

    private final MembershipRepository memberships;

    public ActingMember(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    /** Call inside a session or transaction. */
    public Uni<Role> roleOf(Caller caller) {
        return memberships.findOf(caller.userId(), caller.orgId())
                .onItem().ifNull().failWith(() -> ProblemException.forbidden(
                        "You are no longer a member of this organization."))
                .map(membership -> membership.role);
    }
}
