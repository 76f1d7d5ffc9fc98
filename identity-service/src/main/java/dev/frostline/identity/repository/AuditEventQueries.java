package dev.frostline.identity.repository;

import dev.frostline.identity.audit.AuditEvent;
import dev.frostline.identity.audit.AuditQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads of the audit log; AuditTrail owns the writes. */
@ApplicationScoped
public class AuditEventQueries implements PanacheRepositoryBase<AuditEvent, UUID> {

    /**
     * Newest first, keyset-paginated on (occurredAt, id), which index audit_events_org_time_idx serves.
     * Fetches one row more than the limit so the caller knows whether another page exists.
     */
    public Uni<List<AuditEvent>> pageOfOrg(UUID orgId, AuditQuery query) {
        StringBuilder where = new StringBuilder("orgId = :org");
        Parameters parameters = Parameters.with("org", orgId);
        if (query.action() != null) {
            where.append(" and action = :action");
            parameters.and("action", query.action().value());
        }
        if (query.actorId() != null) {
            where.append(" and actorId = :actor");
            parameters.and("actor", query.actorId());
        }
        if (query.from() != null) {
            where.append(" and occurredAt >= :from");
            parameters.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and occurredAt < :to");
            parameters.and("to", query.to());
        }
        if (query.before() != null) {
            where.append(" and (occurredAt < :cursorAt or (occurredAt = :cursorAt and id < :cursorId))");
            parameters.and("cursorAt", query.before().occurredAt()).and("cursorId", query.before().id());
        }
        where.append(" order by occurredAt desc, id desc");
        return find(where.toString(), parameters).range(0, query.limit()).list();
    }
}
