package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.listing.ListFilter;
import dev.frostline.catalog.listing.Page;
import dev.frostline.catalog.listing.PageRequest;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.permission.CatalogPermissions;
import dev.frostline.catalog.repository.CatalogReads;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What every catalog entity shares: read, list, soft delete, restore, and the checks each write
 * starts with. The order of those checks is the same everywhere: the entity or parent is looked up
 * in the caller's org first (404 for another org's ID, whatever the role), then the role (403),
 * then the state (412, 409).
 */
@ApplicationScoped
public class CatalogLifecycle {

    private final CatalogStore store;
    private final CatalogReads reads;
    private final ChangeRecorder changes;
    private final SensorPlacement placement;

    public CatalogLifecycle(CatalogStore store, CatalogReads reads, ChangeRecorder changes, SensorPlacement placement) {
        this.store = store;
        this.reads = reads;
        this.changes = changes;
        this.placement = placement;
    }

    /** A live entity of the caller's org; a deleted one is only seen in {@code deleted=true} lists. */
    public <E extends CatalogEntity> Uni<E> get(Caller caller, EntityType type, Class<E> entityClass, UUID id) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return reads.findInOrg(entityClass, id, caller.orgId())
                .map(entity -> entity == null || entity.isDeleted() ? null : entity)
                .onItem().ifNull().failWith(() -> CatalogProblems.notFound(type, id));
    }

    public <E extends CatalogEntity> Uni<Page<E>> list(Caller caller, Class<E> entityClass, ListFilter filter,
            PageRequest page) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return reads.page(entityClass, caller.orgId(), filter, page);
    }

    /** Soft delete; refused with has-live-children while anything live hangs below the entity. */
    @WithTransaction
    public <E extends CatalogEntity> Uni<E> delete(Caller caller, EntityType type, Class<E> entityClass, UUID id) {
        return liveForChange(caller, type, entityClass, id).call(entity -> store.liveChildren(type, id)
                .chain(children -> {
                    if (!children.isEmpty()) {
                        return Uni.createFrom().failure(CatalogProblems.hasLiveChildren(entity, children));
                    }
                    Map<String, Object> before = entity.snapshot();
                    Instant now = CatalogClock.now();
                    // A deleted sensor is on no unit: its open assignment ends with the deletion.
                    Uni<Void> release = entity instanceof Sensor sensor && sensor.isAssigned()
                            ? placement.release(sensor, now)
                            : Uni.createFrom().voidItem();
                    return release.chain(() -> {
                        entity.delete(now);
                        return changes.record(caller, AuditOperation.DELETED, entity, before);
                    });
                }));
    }

    /** Brings a deleted entity back; refused while its parent is deleted (restore top-down). */
    @WithTransaction
    public <E extends CatalogEntity> Uni<E> restore(Caller caller, EntityType type, Class<E> entityClass, UUID id) {
        return store.findInOrg(entityClass, id, caller.orgId(), LockModeType.PESSIMISTIC_WRITE).call(entity -> {
            if (entity == null) {
                return Uni.createFrom().failure(CatalogProblems.notFound(type, id));
            }
            CatalogPermissions.require(caller, CatalogPermissions.writeOf(type));
            if (!entity.isDeleted()) {
                return Uni.createFrom().failure(CatalogProblems.notDeleted(entity));
            }
            Uni<Void> parentLive = type.parent()
                    .map(parentType -> store.findInOrg(CatalogStore.entityClass(parentType), entity.parentId(),
                            caller.orgId(), LockModeType.PESSIMISTIC_READ).chain(parent -> parent == null || parent.isDeleted()
                                    ? Uni.createFrom().<Void>failure(CatalogProblems.parentDeleted(parentType, entity.parentId()))
                                    : Uni.createFrom().voidItem()))
                    .orElse(Uni.createFrom().voidItem());
            return parentLive.chain(() -> {
                Map<String, Object> before = entity.snapshot();
                entity.restore(CatalogClock.now());
                return changes.record(caller, AuditOperation.RESTORED, entity, before);
            });
        });
    }

    /**
     * The live entity, locked for the rest of the transaction, after the caller's right to write
     * it is checked. Runs in the caller's transaction.
     */
    <E extends CatalogEntity> Uni<E> liveForChange(Caller caller, EntityType type, Class<E> entityClass, UUID id) {
        return liveForChange(caller, type, entityClass, id, CatalogPermissions.writeOf(type));
    }

    <E extends CatalogEntity> Uni<E> liveForChange(Caller caller, EntityType type, Class<E> entityClass, UUID id,
            CatalogOperation operation) {
        return store.findInOrg(entityClass, id, caller.orgId(), LockModeType.PESSIMISTIC_WRITE).map(entity -> {
            if (entity == null || entity.isDeleted()) {
                throw CatalogProblems.notFound(type, id);
            }
            CatalogPermissions.require(caller, operation);
            return entity;
        });
    }

    /**
     * {@link #liveForChange} for an update: also the If-Match check. Two updates with the same ETag
     * are serialized by the row lock, so the second sees the first's version and gets 412.
     */
    <E extends CatalogEntity> Uni<E> liveForUpdate(Caller caller, EntityType type, Class<E> entityClass, UUID id,
            long expectedVersion) {
        return liveForChange(caller, type, entityClass, id).map(entity -> {
            if (entity.version != expectedVersion) {
                throw CatalogProblems.stale(entity);
            }
            return entity;
        });
    }

    /**
     * The parent a write hangs something on: in the caller's org (else 404, whatever the role), the
     * caller allowed to do {@code operation} (else 403), and live (else 409 parent-deleted). It is
     * share-locked, so it cannot be deleted until the child is committed.
     */
    <P extends CatalogEntity> Uni<P> liveParent(Caller caller, CatalogOperation operation, EntityType type,
            Class<P> entityClass, UUID id) {
        return store.findInOrg(entityClass, id, caller.orgId(), LockModeType.PESSIMISTIC_READ).map(parent -> {
            if (parent == null) {
                throw CatalogProblems.parentNotFound(type, id);
            }
            CatalogPermissions.require(caller, operation);
            if (parent.isDeleted()) {
                throw CatalogProblems.parentDeleted(type, id);
            }
            return parent;
        });
    }
}
