package dev.frostline.identity.invite;

import dev.frostline.contracts.Role;
import dev.frostline.identity.account.RoleColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An invitation to join an organization with a role; the token is single use and stored hashed. */
@Entity
@Table(name = "invites")
public class Invite {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    /** Normalized, like users.email: acceptance compares the two. */
    @Column(nullable = false)
    public String email;
    @Convert(converter = RoleColumn.class)
    @Column(nullable = false)
    public Role role;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "invited_by")
    public UUID invitedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "accepted_by")
    public UUID acceptedBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Can still be accepted: not accepted, not revoked, not expired. */
    public boolean pendingAt(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
