package dev.frostline.catalog.hierarchy;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What every catalog entity has: an org, a name, a version and a soft-delete mark. Invariant:
 * {@code version} starts at 1 and grows by exactly one with every change. It is the entity's ETag,
 * and for units also the version of the published UnitState, which consumers keep only if it is
 * higher than the one they have: a change that did not bump it would never reach them.
 */
@MappedSuperclass
public abstract class CatalogEntity {
    public static final long FIRST_VERSION = 1;

    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Soft delete: the row stays, so it can be restored and its deletion published like any change. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public abstract EntityType entityType();

    /** The ID of the entity this one must live under, or null when it has no parent in the hierarchy. */
    public abstract UUID parentId();

    protected void initialize(UUID orgId, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
        this.name = CatalogName.normalize(name);
        this.version = FIRST_VERSION;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void delete(Instant now) {
        if (isDeleted()) {
            throw new IllegalStateException(entityType().wire() + " " + id + " is already deleted");
        }
        deletedAt = now;
        changed(now);
    }

    public void restore(Instant now) {
        if (!isDeleted()) {
            throw new IllegalStateException(entityType().wire() + " " + id + " is not deleted");
        }
        deletedAt = null;
        changed(now);
    }

    public void rename(String newName) {
        this.name = CatalogName.normalize(newName);
    }

    /** Called once per change, after the fields are set. */
    public void changed(Instant now) {
        version++;
        updatedAt = now;
    }

    /** The state the audit log keeps before and after a change: JSON-ready values only. */
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id.toString());
        state.put("name", name);
        addSnapshotFields(state);
        state.put("version", version);
        state.put("deletedAt", deletedAt == null ? null : deletedAt.toString());
        return state;
    }

    protected abstract void addSnapshotFields(Map<String, Object> state);

    protected static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
