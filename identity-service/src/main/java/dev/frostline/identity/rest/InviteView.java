package dev.frostline.identity.rest;

import dev.frostline.identity.invite.Invite;
import java.time.Instant;
import java.util.UUID;

/** An invite as its organization's admins see it: never its token. */
public record InviteView(UUID id, String email, String role, Instant createdAt, Instant expiresAt) {

    static InviteView of(Invite invite) {
        return new InviteView(invite.id, invite.email, invite.role.claimValue(), invite.createdAt, invite.expiresAt);
    }
}
