package dev.frostline.identity.service;

import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.User;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.config.LoginThrottleConfig;
import dev.frostline.identity.login.FailureCount;
import dev.frostline.identity.login.LoginFailure;
import dev.frostline.identity.login.LoginThrottlePolicy;
import dev.frostline.identity.login.LoginThrottled;
import dev.frostline.identity.login.LoginVerdict;
import dev.frostline.identity.login.ThrottleKeys;
import dev.frostline.identity.repository.LoginFailureRepository;
import dev.frostline.identity.repository.MembershipRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Counts failed logins per account and per client address in PostgreSQL (shared by every
 * replica) and refuses attempts that come too early. The account key is the email as typed
 * (normalized), whether or not an account has it, so throttling answers the same for everyone.
 *
 * <p>Audit: a failed login of a known user is recorded once per organization they belong to (with
 * the user as actor), so each org's admins see attempts on their members; a user with no org, and
 * an unknown email, get one row with no org. LOGIN_LOCKED_OUT is recorded the same way when a
 * failure locks the account; an address lock is recorded without org.
 */
@ApplicationScoped
public class ThrottlingLogins {

    /** The two keys one attempt is counted under. */
    public record Attempt(String email, String clientAddress) {

        String accountKey() {
            return ThrottleKeys.account(email);
        }

        String addressKey() {
            return ThrottleKeys.address(clientAddress);
        }
    }

    private final LoginFailureRepository failures;
    private final MembershipRepository memberships;
    private final AuditTrail audit;
    private final Clock clock;
    private final LoginThrottlePolicy accounts;
    private final LoginThrottlePolicy addresses;

    public ThrottlingLogins(LoginFailureRepository failures, MembershipRepository memberships, AuditTrail audit,
            Clock clock, LoginThrottleConfig config) {
        this.failures = failures;
        this.memberships = memberships;
        this.audit = audit;
        this.clock = clock;
        this.accounts = new LoginThrottlePolicy(config.freeFailures(), config.maxFailures(), config.backoffBase(),
                config.backoffMax(), config.window(), config.lockout());
        this.addresses = LoginThrottlePolicy.lockOnly(config.addressMaxFailures(), config.window(), config.lockout());
    }

    /** Fails with {@link LoginThrottled} when the account or the address must wait. Needs a session. */
    public Uni<Void> check(Attempt attempt) {
        Instant now = clock.instant();
        return failures.countsOf(List.of(attempt.accountKey(), attempt.addressKey())).chain(counts -> {
            LoginVerdict verdict = LoginVerdict.strictest(accounts.check(counts.get(attempt.accountKey()), now),
                    addresses.check(counts.get(attempt.addressKey()), now));
            return verdict instanceof LoginVerdict.Throttled throttled
                    ? Uni.createFrom().failure(new LoginThrottled(throttled))
                    : Uni.createFrom().voidItem();
        });
    }

    /**
     * Counts a failure and audits it in a transaction of its own, so both commit although the
     * login itself fails. Keys are locked in one order (account, then address) so two attempts
     * never deadlock.
     *
     * @param user null for an unknown email
     */
    public Uni<Void> recordFailure(Attempt attempt, User user) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> count(attempt.accountKey(), accounts, now)
                .chain(accountLocked -> count(attempt.addressKey(), addresses, now)
                        .chain(addressLocked -> orgsOf(user).chain(orgs -> {
                            UUID actor = user == null ? null : user.id;
                            List<AuditEntry> entries = new ArrayList<>();
                            for (UUID org : orgs) {
                                AuditEntry failed = AuditEntry.of(AuditAction.LOGIN_FAILED, org, actor);
                                entries.add(user == null ? failed.detail("email", attempt.email()) : failed.target(user.id));
                                if (accountLocked) {
                                    entries.add(AuditEntry.of(AuditAction.LOGIN_LOCKED_OUT, org, actor)
                                            .target(actor).detail("scope", "account").detail("email", attempt.email()));
                                }
                            }
                            if (addressLocked) {
                                entries.add(AuditEntry.of(AuditAction.LOGIN_LOCKED_OUT, null, null)
                                        .detail("scope", "address").detail("address", attempt.clientAddress()));
                            }
                            return recordAll(entries);
                        }))));
    }

    /** A successful login clears its account's count; the address keeps its count. Needs a transaction. */
    public Uni<Void> recordSuccess(Attempt attempt) {
        return failures.deleteKey(attempt.accountKey()).replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldFailures() {
        return Panache.withTransaction(() -> failures.deleteForgotten(accounts.forgetBefore(clock.instant())))
                .invoke(deleted -> Log.debugf("forgot %d login failure counts", deleted))
                .replaceWithVoid();
    }

    private Uni<Boolean> count(String key, LoginThrottlePolicy policy, Instant now) {
        return failures.lockOrCreate(key, now).map(row -> {
            FailureCount before = counted(row);
            FailureCount after = policy.afterFailure(before, now);
            row.set(after);
            return LoginThrottlePolicy.newlyLocked(before, after, now);
        });
    }

    /** A row created by lockOrCreate and not yet written holds no failure. */
    private static FailureCount counted(LoginFailure row) {
        return row.failures == 0 ? null : row.count();
    }

    private Uni<List<UUID>> orgsOf(User user) {
        if (user == null) {
            return Uni.createFrom().item(nullOrg());
        }
        return memberships.listOfUser(user.id).map(list -> list.isEmpty()
                ? nullOrg()
                : list.stream().map((Membership m) -> m.orgId).toList());
    }

    private static List<UUID> nullOrg() {
        List<UUID> none = new ArrayList<>();
        none.add(null);
        return none;
    }

    private Uni<Void> recordAll(List<AuditEntry> entries) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AuditEntry entry : entries) {
            chain = chain.chain(() -> audit.record(entry));
        }
        return chain;
    }
}
