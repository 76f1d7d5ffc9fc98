package dev.frostline.identity.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Every access token of {@code userId} issued at or before {@code revokedBefore} is void. */
@Entity
@Table(name = "subject_revocations")
public class SubjectRevocation {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "revoked_before", nullable = false)
    public Instant revokedBefore;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
