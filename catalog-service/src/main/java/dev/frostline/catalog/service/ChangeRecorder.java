package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.audit.AuditRecord;
import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.messaging.UnitStateMapper;
import dev.frostline.catalog.repository.AuditRepository;
import dev.frostline.contracts.Topics;
import dev.frostline.support.outbox.Outbox;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * The one place every catalog write ends: it appends the audit record and enqueues what other
 * services must learn, in the transaction of the change, so both exist if and only if it commits.
 * Today only units are published (their UnitState on the compacted topic); catalog-wide change
 * events are enqueued here too when shared-contracts has them.
 */
@ApplicationScoped
public class ChangeRecorder {

    private final AuditRepository audit;
    private final Outbox outbox;

    public ChangeRecorder(AuditRepository audit, Outbox outbox) {
        this.audit = audit;
        this.outbox = outbox;
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
        return audit.persist(record).chain(() -> publish(entity));
    }

    private Uni<Void> publish(CatalogEntity entity) {
        if (entity instanceof Unit unit) {
            return outbox.enqueue(Topics.CATALOG_UNITS, unit.id.toString(), UnitStateMapper.toState(unit));
        }
        return Uni.createFrom().voidItem();
    }
}
