package dev.frostline.identity.service;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.User;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.identity.service.ManagingOrganizations.OrgRole;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The signed-in user as stored, with every organization they belong to. */
@ApplicationScoped
public class DescribingAccount {

    public record Account(User user, List<OrgRole> memberships) {
    }

    private final UserRepository users;
    private final ManagingOrganizations organizations;

    public DescribingAccount(UserRepository users, ManagingOrganizations organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    @WithSession
    public Uni<Account> describe(Caller caller) {
        return users.findById(caller.userId())
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemType.UNAUTHENTICATED,
                        "The account of this token no longer exists."))
                .chain(user -> organizations.listOf(user.id).map(orgs -> new Account(user, orgs)));
    }
}
