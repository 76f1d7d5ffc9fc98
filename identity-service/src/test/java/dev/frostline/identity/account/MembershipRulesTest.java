package dev.frostline.identity.account;

import static dev.frostline.contracts.Role.ADMIN;
import static dev.frostline.contracts.Role.MANAGER;
import static dev.frostline.contracts.Role.OWNER;
import static dev.frostline.contracts.Role.STAFF;
import static dev.frostline.contracts.Role.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MembershipRulesTest {

    // --- examples, one per rule -------------------------------------------------------------

    @Test
    void ownerMayGrantEveryRoleToAnotherMember() {
        for (Role requested : Role.values()) {
            assertThatCode(() -> MembershipRules.checkRoleChange(OWNER, VIEWER, requested, false, 1)).doesNotThrowAnyException();
        }
    }

    @Test
    void adminMayGrantUpToManagerButNotAdminOrOwner() {
        assertThatCode(() -> MembershipRules.checkRoleChange(ADMIN, VIEWER, MANAGER, false, 1)).doesNotThrowAnyException();
        assertForbidden(() -> MembershipRules.checkRoleChange(ADMIN, VIEWER, ADMIN, false, 1));
        assertForbidden(() -> MembershipRules.checkRoleChange(ADMIN, VIEWER, OWNER, false, 1));
    }

    @Test
    void adminMayNotDemoteOrRemoveAnOwnerOrAnotherAdmin() {
        assertForbidden(() -> MembershipRules.checkRoleChange(ADMIN, OWNER, VIEWER, false, 2));
        assertForbidden(() -> MembershipRules.checkRoleChange(ADMIN, ADMIN, VIEWER, false, 2));
        assertForbidden(() -> MembershipRules.checkRemoval(ADMIN, OWNER, false, 2));
        assertForbidden(() -> MembershipRules.checkRemoval(ADMIN, ADMIN, false, 2));
        assertThatCode(() -> MembershipRules.checkRemoval(ADMIN, MANAGER, false, 1)).doesNotThrowAnyException();
    }

    @Test
    void belowAdminNobodyManagesOthers() {
        for (Role actor : List.of(VIEWER, STAFF, MANAGER)) {
            assertForbidden(() -> MembershipRules.checkRoleChange(actor, VIEWER, VIEWER, false, 1));
            assertForbidden(() -> MembershipRules.checkRemoval(actor, VIEWER, false, 1));
            assertForbidden(() -> MembershipRules.checkInvite(actor, VIEWER));
            assertForbidden(() -> MembershipRules.checkCanManageInvites(actor));
        }
    }

    @Test
    void anyoneMayLeaveOrLowerTheirOwnRoleButNotRaiseIt() {
        for (Role self : List.of(VIEWER, STAFF, MANAGER, ADMIN)) {
            assertThatCode(() -> MembershipRules.checkRemoval(self, self, true, 1)).doesNotThrowAnyException();
            assertThatCode(() -> MembershipRules.checkRoleChange(self, self, VIEWER, true, 1)).doesNotThrowAnyException();
        }
        assertForbidden(() -> MembershipRules.checkRoleChange(STAFF, STAFF, MANAGER, true, 1));
        assertForbidden(() -> MembershipRules.checkRoleChange(ADMIN, ADMIN, OWNER, true, 1));
    }

    @Test
    void theLastOwnerCanNeitherLeaveNorStepDown() {
        assertLastOwner(() -> MembershipRules.checkRemoval(OWNER, OWNER, true, 1));
        assertLastOwner(() -> MembershipRules.checkRoleChange(OWNER, OWNER, ADMIN, true, 1));
        assertThatCode(() -> MembershipRules.checkRemoval(OWNER, OWNER, true, 2)).doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.checkRoleChange(OWNER, OWNER, ADMIN, true, 2)).doesNotThrowAnyException();
        // Staying owner is no demotion.
        assertThatCode(() -> MembershipRules.checkRoleChange(OWNER, OWNER, OWNER, true, 1)).doesNotThrowAnyException();
    }

    @Test
    void anOwnerMayRemoveOrDemoteAnotherOwnerWhileOneRemains() {
        assertThatCode(() -> MembershipRules.checkRemoval(OWNER, OWNER, false, 2)).doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.checkRoleChange(OWNER, OWNER, STAFF, false, 2)).doesNotThrowAnyException();
    }

    @Test
    void invitesFollowTheGrantingRules() {
        assertThatCode(() -> MembershipRules.checkInvite(ADMIN, MANAGER)).doesNotThrowAnyException();
        assertForbidden(() -> MembershipRules.checkInvite(ADMIN, ADMIN));
        assertThatCode(() -> MembershipRules.checkInvite(OWNER, OWNER)).doesNotThrowAnyException();
    }

    // --- the invariants, over every combination ---------------------------------------------

    /** Every combination of actor, target's role, requested role, self or not, and owner count (1 or 2). */
    private static List<Object[]> everyRoleChange() {
        List<Object[]> cases = new ArrayList<>();
        for (Role actor : Role.values()) {
            for (Role current : Role.values()) {
                for (Role requested : Role.values()) {
                    for (boolean self : new boolean[] {false, true}) {
                        if (self && current != actor) {
                            continue; // one's own current role is one's role
                        }
                        for (long owners : new long[] {1, 2}) {
                            cases.add(new Object[] {actor, current, requested, self, owners});
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static boolean allowed(Executable check) {
        try {
            check.execute();
            return true;
        } catch (ProblemException e) {
            return false;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void nobodyEverGrantsARoleAboveTheirOwn() {
        for (Object[] c : everyRoleChange()) {
            Role actor = (Role) c[0];
            Role requested = (Role) c[2];
            boolean ok = allowed(() -> MembershipRules.checkRoleChange(actor, (Role) c[1], requested, (boolean) c[3], (long) c[4]));
            if (ok) {
                assertThat(actor.atLeast(requested)).as("%s granted %s", actor, requested).isTrue();
            }
        }
        for (Role actor : Role.values()) {
            for (Role invited : Role.values()) {
                if (allowed(() -> MembershipRules.checkInvite(actor, invited))) {
                    assertThat(actor.atLeast(invited)).isTrue();
                }
            }
        }
    }

    @Test
    void onlyAnOwnerEverGrantsOwnerOrAdmin() {
        for (Object[] c : everyRoleChange()) {
            Role actor = (Role) c[0];
            Role current = (Role) c[1];
            Role requested = (Role) c[2];
            boolean ok = allowed(() -> MembershipRules.checkRoleChange(actor, current, requested, (boolean) c[3], (long) c[4]));
            if (ok && requested.atLeast(ADMIN) && requested != current) {
                assertThat(actor).as("%s made someone %s", actor, requested).isEqualTo(OWNER);
            }
        }
    }

    @Test
    void theLastOwnerIsNeverDemotedOrRemoved() {
        for (Object[] c : everyRoleChange()) {
            Role current = (Role) c[1];
            Role requested = (Role) c[2];
            if (current == OWNER && requested != OWNER && (long) c[4] == 1) {
                assertThat(allowed(() -> MembershipRules.checkRoleChange((Role) c[0], current, requested, (boolean) c[3], 1)))
                        .isFalse();
            }
        }
        for (Role actor : Role.values()) {
            for (boolean self : new boolean[] {false, true}) {
                assertThat(allowed(() -> MembershipRules.checkRemoval(actor, OWNER, self, 1))).isFalse();
            }
        }
    }

    @Test
    void othersAreManagedOnlyByAdminsAndOwners() {
        for (Object[] c : everyRoleChange()) {
            Role actor = (Role) c[0];
            boolean self = (boolean) c[3];
            if (!self && allowed(() -> MembershipRules.checkRoleChange(actor, (Role) c[1], (Role) c[2], false, (long) c[4]))) {
                assertThat(actor.atLeast(ADMIN)).isTrue();
            }
        }
    }

    @Test
    void refusalsOnPrivilegeAre403AndTheLastOwnerRuleIs409() {
        ProblemException forbidden = catchProblem(() -> MembershipRules.checkRoleChange(VIEWER, STAFF, VIEWER, false, 1));
        assertThat(forbidden.type()).isEqualTo(ProblemType.FORBIDDEN);
        ProblemException lastOwner = catchProblem(() -> MembershipRules.checkRemoval(OWNER, OWNER, true, 1));
        assertThat(lastOwner.type().slug()).isEqualTo("last-owner");
        assertThat(lastOwner.type().status()).isEqualTo(409);
        // An admin touching the only owner is refused for privilege, not for the count.
        assertThat(catchProblem(() -> MembershipRules.checkRemoval(ADMIN, OWNER, false, 1)).type())
                .isEqualTo(ProblemType.FORBIDDEN);
    }

    private static ProblemException catchProblem(Executable check) {
        try {
            check.execute();
        } catch (ProblemException e) {
            return e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a refusal");
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable check) {
        assertThatThrownBy(check).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(ProblemType.FORBIDDEN);
    }

    private static void assertLastOwner(org.assertj.core.api.ThrowableAssert.ThrowingCallable check) {
        assertThatThrownBy(check).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(MembershipRules.LAST_OWNER);
    }
}
