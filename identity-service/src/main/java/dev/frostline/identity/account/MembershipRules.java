package dev.frostline.identity.account;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;

/**
 * Who may change whose membership. The rules:
 * <ul>
 * <li>Managing others (roles, removals, invites) needs admin or owner.</li>
 * <li>Only an owner grants owner or admin, and only an owner changes or removes an owner or an
 * admin: an admin cannot demote or remove a peer or their owner.</li>
 * <li>Nobody grants a role above their own.</li>
 * <li>Anyone may leave (remove themselves) or lower their own role.</li>
 * <li>The last owner can neither leave nor be demoted: an organization always has an owner.</li>
 * </ul>
 * Listing members is open to every member. Refusals on privilege are 403 and are checked first;
 * the last-owner rule answers 409.
 */
public final class MembershipRules {

    public static final ProblemType LAST_OWNER = new ProblemType("last-owner", "The last owner must stay", 409);

    private MembershipRules() {
    }

    public static void checkCanManageInvites(Role actor) {
        requireManager(actor);
    }

    /** Inviting someone grants the role when they accept, so it follows the granting rules. */
    public static void checkInvite(Role actor, Role invited) {
        requireManager(actor);
        checkGrant(actor, invited);
    }

    /**
     * @param self whether the actor changes their own role
     * @param owners how many owners the organization has now
     */
    public static void checkRoleChange(Role actor, Role current, Role requested, boolean self, long owners) {
        if (!self) {
            requireManager(actor);
        }
        checkTouch(actor, current, self);
        checkGrant(actor, requested);
        if (current == Role.OWNER && requested != Role.OWNER) {
            checkNotLastOwner(owners);
        }
    }

    /** Removing oneself is leaving the organization. */
    public static void checkRemoval(Role actor, Role target, boolean self, long owners) {
        if (!self) {
            requireManager(actor);
            checkTouch(actor, target, false);
        }
        if (target == Role.OWNER) {
            checkNotLastOwner(owners);
        }
    }

    private static void requireManager(Role actor) {
        if (!actor.atLeast(Role.ADMIN)) {
            throw ProblemException.forbidden("Managing members needs the admin role or higher; you are "
                    + actor.claimValue() + ".");
        }
    }

    /** Owners and admins are changed only by an owner; one's own role above admin is an owner's too. */
    private static void checkTouch(Role actor, Role target, boolean self) {
        if (target.atLeast(Role.ADMIN) && actor != Role.OWNER && !self) {
            throw ProblemException.forbidden("Only an owner can change or remove an " + target.claimValue() + ".");
        }
    }

    private static void checkGrant(Role actor, Role granted) {
        if (!actor.atLeast(granted)) {
            throw ProblemException.forbidden("You cannot grant " + granted.claimValue() + ", which is above your role ("
                    + actor.claimValue() + ").");
        }
        if (granted.atLeast(Role.ADMIN) && actor != Role.OWNER) {
            throw ProblemException.forbidden("Only an owner can grant the " + granted.claimValue() + " role.");
        }
    }

    private static void checkNotLastOwner(long owners) {
        if (owners <= 1) {
            throw new ProblemException(LAST_OWNER, "This is the organization's only owner. Make another member owner first.");
        }
    }
}
