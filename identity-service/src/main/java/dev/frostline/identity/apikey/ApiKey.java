package dev.frostline.identity.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import java.time.Instant;
import java.util.UUID;

/**
 * A device API key. Only the SHA-256 of the key is stored; the key itself is shown once.
 * Updates write only changed columns: a revocation must not overwrite a {@code last_used_at} that
 * telemetry's usage report set after the key was loaded.
 */
@Entity
@Table(name = "api_keys")
@DynamicUpdate
public class ApiKey {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String prefix;
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;
    @Column(name = "created_by", nullable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    /** The one site whose units the key may report for; null for the whole org. */
    @Column(name = "site_id")
    public UUID siteId;
    /** When telemetry last accepted readings with it, to within telemetry's reporting interval. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
