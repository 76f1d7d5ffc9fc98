package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.audit.AuditRecord;
import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.repository.AuditRepository;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * The one place every catalog write ends: it appends the audit record and enqueues what other
 * services must learn (see {@link CatalogEvents}), in the transaction of the change, so both exist
 * if and only if it commits.
 */
@ApplicationScoped
public class ChangeRecorder {

    private final AuditRepository audit;
    private final CatalogEvents events;

    public ChangeRecorder(AuditRepository audit, CatalogEvents events) {
        this.audit = audit;
        this.events = events;
    }

    /**
     * @param before the entity's snapshot before the change, null for a creation; the entity itself
     *     already holds the state after it
     */
    public Uni<Void> record(Caller caller, AuditOperation operation, CatalogEntity entity, Map<String, Object> before) {
        AuditRecord record = new AuditRecord();
        record.id = UUID.randomUUID();
        record.orgId = entity.orgId;
        record.actorId = caller.userId();
        record.occurredAt = entity.updatedAt;
        record.entityType = entity.entityType().wire();
        record.entityId = entity.id;
        record.operation = operation.wire();
        record.before = before;
        record.after = entity.snapshot();
        return audit.persist(record).chain(() -> events.enqueue(record, entity, before));
    }
}
