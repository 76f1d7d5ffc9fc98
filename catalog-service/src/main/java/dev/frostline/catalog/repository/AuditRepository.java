package dev.frostline.catalog.repository;

import dev.frostline.catalog.audit.AuditQuery;
import dev.frostline.catalog.audit.AuditRecord;
import dev.frostline.catalog.listing.Page;
import dev.frostline.catalog.listing.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Appends to the audit log and reads it back; nothing here updates or deletes a record. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecord, UUID> {

    public Uni<Page<AuditRecord>> page(UUID orgId, AuditQuery query, PageRequest request) {
        StringBuilder hql = new StringBuilder("from AuditRecord e where e.orgId = :org");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", orgId);
        condition(hql, parameters, "e.entityType = :type", "type", query.entityType());
        condition(hql, parameters, "e.entityId = :entity", "entity", query.entityId());
        condition(hql, parameters, "e.actorId = :actor", "actor", query.actorId());
        condition(hql, parameters, "e.occurredAt >= :from", "from", query.from());
        condition(hql, parameters, "e.occurredAt < :to", "to", query.to());
        Keyset.append(hql, parameters, request);
        Parameters bound = new Parameters();
        parameters.forEach(bound::and);
        return find(hql.toString(), bound).range(0, request.limit()).list()
                .map(rows -> Page.fromOverfetch(rows, request, row -> row.occurredAt.toString(), row -> row.id));
    }

    private static void condition(StringBuilder hql, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            hql.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }
}
