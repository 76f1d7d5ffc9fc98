package dev.frostline.identity.rest;

import dev.frostline.identity.service.ManagingMembers.Member;
import java.time.Instant;
import java.util.UUID;

public record MemberView(UUID userId, String email, String displayName, String role, Instant joinedAt) {

    static MemberView of(Member member) {
        return new MemberView(member.user().id, member.user().email, member.user().displayName,
                member.membership().role.claimValue(), member.membership().createdAt);
    }
}
