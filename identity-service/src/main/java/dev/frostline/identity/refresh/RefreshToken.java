package dev.frostline.identity.refresh;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a family. A family starts at login (or signup, or an org switch) and gains
 * one token per refresh; only the SHA-256 of each token is stored, never the token itself.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {
    @Id
    public UUID id;
    @Column(name = "family_id", nullable = false)
    public UUID familyId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public RefreshTokenState state(Instant now) {
        return RefreshTokenState.of(usedAt, revokedAt, expiresAt, now);
    }
}
