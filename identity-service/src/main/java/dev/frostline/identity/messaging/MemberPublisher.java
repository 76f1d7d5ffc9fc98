package dev.frostline.identity.messaging;

import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.MemberState;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.User;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.support.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Publishes a membership's new {@link MemberState} through the outbox. Call it inside the transaction
 * that changes the membership or the user's email, after the change: the state is published if and
 * only if the change commits.
 */
@ApplicationScoped
public class MemberPublisher {

    // Increments and locks the membership's counter: a concurrent change of the same membership waits
    // here until this transaction ends, so versions, outbox rows and Kafka records keep one order.
    private static final String NEXT_VERSION = """
            insert into member_state_versions (org_id, user_id, version) values (?1, ?2, 1)
            on conflict (org_id, user_id) do update set version = member_state_versions.version + 1
            returning version
            """;

    private final Outbox outbox;
    private final MembershipRepository memberships;
    private final Clock clock;

    public MemberPublisher(Outbox outbox, MembershipRepository memberships, Clock clock) {
        this.outbox = outbox;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** A membership created or whose role changed. */
    public Uni<Void> changed(Membership membership, User user) {
        return publish(membership, user, false);
    }

    /** A membership deleted; {@code user} as it is after the change (a deleted account's placeholder email). */
    public Uni<Void> removed(Membership membership, User user) {
        return publish(membership, user, true);
    }

    public Uni<Void> removed(List<Membership> removed, User user) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Membership membership : removed) {
            chain = chain.chain(() -> removed(membership, user));
        }
        return chain;
    }

    /** The user's email changed: every organization they belong to learns the new one. */
    public Uni<Void> emailChanged(User user) {
        return memberships.listOfUser(user.id).chain(mine -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Membership membership : mine) {
                chain = chain.chain(() -> changed(membership, user));
            }
            return chain;
        });
    }

    private Uni<Void> publish(Membership membership, User user, boolean removed) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT_VERSION, Long.class)
                        .setParameter(1, membership.orgId)
                        .setParameter(2, membership.userId)
                        .getSingleResult())
                .chain(version -> {
                    MemberState state = new MemberState(membership.orgId, membership.userId, user.email,
                            membership.role, removed, version, clock.instant());
                    return outbox.enqueue(Topics.IDENTITY_MEMBERS, state.key(), state);
                });
    }
}
