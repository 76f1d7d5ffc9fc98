package dev.frostline.catalog.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.SortedSet;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the append-only catalog audit log: who changed which entity, when, from what to what.
 * Immutable to Hibernate too, so a JSON map it cannot dirty-check is never rewritten (the table's
 * trigger would refuse the UPDATE).
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditRecord {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "actor_id", nullable = false)
    public UUID actorId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "entity_type", nullable = false)
    public String entityType;
    @Column(name = "entity_id", nullable = false)
    public UUID entityId;
    @Column(nullable = false)
    public String operation;
    /** Null for a creation. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> before;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> after;

    /** The fields whose values differ between before and after: the diff a reader scans first. */
    public SortedSet<String> changedFields() {
        SortedSet<String> changed = new TreeSet<>();
        Map<String, Object> from = before == null ? Map.of() : before;
        Map<String, Object> to = after == null ? Map.of() : after;
        changed.addAll(from.keySet());
        changed.addAll(to.keySet());
        changed.removeIf(field -> Objects.equals(normalized(from.get(field)), normalized(to.get(field))));
        return changed;
    }

    /** JSON numbers read back as Integer or Long, or Double for coordinates; compare them by value. */
    private static Object normalized(Object value) {
        return value instanceof Number number ? number.toString().replaceAll("\\.0$", "") : value;
    }
}
