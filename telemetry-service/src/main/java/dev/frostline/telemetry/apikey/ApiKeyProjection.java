package dev.frostline.telemetry.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * telemetry's copy of one device API key, built from identity's compacted topic. It holds the
 * SHA-256 of the key, never the key, so a leak of this table does not let anyone send readings.
 * Written by {@link dev.frostline.telemetry.messaging.ApiKeyProjector}; ingest reads it as a
 * {@link DeviceKey}.
 */
@Entity
@Table(name = "api_key_projection")
public class ApiKeyProjection {
    @Id
    @Column(name = "key_id")
    public UUID keyId;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    /** The one site whose units the key may report for; null for every unit of the org. */
    @Column(name = "site_id")
    public UUID siteId;
    @Column(nullable = false)
    public String prefix;
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;
    @Column(nullable = false)
    public boolean revoked;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
