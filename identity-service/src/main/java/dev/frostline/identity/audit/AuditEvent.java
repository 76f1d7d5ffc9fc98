package dev.frostline.identity.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the append-only audit log. Immutable to Hibernate too: it cannot dirty-check the jsonb
 * map and would otherwise rewrite the row on every flush of the session that wrote it.
 */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEvent {
    @Id
    public UUID id;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false)
    public String action;
    @Column(name = "org_id")
    public UUID orgId;
    @Column(name = "actor_id")
    public UUID actorId;
    @Column(name = "target_id")
    public String targetId;
    @Column(name = "client_ip")
    public String clientIp;
    @Column(name = "request_id")
    public String requestId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> details;
}
