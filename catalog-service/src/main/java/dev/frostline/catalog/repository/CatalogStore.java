package dev.frostline.catalog.repository;

import dev.frostline.catalog.device.Gateway;
import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.hierarchy.Area;
import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.listing.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads and writes every catalog entity the same way. Every read is scoped to an org: an entity of
 * another org is simply not found. Runs in the session or transaction of the calling use case.
 */
@ApplicationScoped
public class CatalogStore {

    /** How many child IDs a has-live-children problem names. */
    public static final int CHILD_IDS_SHOWN = 5;

    public record LiveChildren(EntityType type, long count, List<UUID> firstIds) {
    }

    public static Class<? extends CatalogEntity> entityClass(EntityType type) {
        return switch (type) {
            case SITE -> Site.class;
            case AREA -> Area.class;
            case UNIT -> Unit.class;
            case SENSOR -> Sensor.class;
            case GATEWAY -> Gateway.class;
        };
    }

    /**
     * The entity, live or deleted, or null. {@code PESSIMISTIC_WRITE} serializes changes of one
     * entity; {@code PESSIMISTIC_READ} on a parent keeps it from being deleted while a child is added.
     */
    public <E extends CatalogEntity> Uni<E> findInOrg(Class<E> type, UUID id, UUID orgId, LockModeType lock) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<E> query = session
                    .createSelectionQuery("from " + type.getSimpleName() + " e where e.id = :id and e.orgId = :org", type)
                    .setParameter("id", id)
                    .setParameter("org", orgId);
            if (lock != LockModeType.NONE) {
                query.setLockMode(lock);
            }
            return query.getSingleResultOrNull();
        });
    }

    /** Persists and flushes, so a constraint violation fails this Uni rather than the commit. */
    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(session -> session.persist(entity).call(session::flush));
    }

    public Uni<Void> flush() {
        return Panache.getSession().chain(Mutiny.Session::flush);
    }

    static String sortKey(CatalogEntity row, PageRequest request) {
        return switch (request.sort().key()) {
            case NAME -> row.name;
            case CREATED_AT -> row.createdAt.toString();
            case OCCURRED_AT -> throw new IllegalArgumentException("catalog entities have no occurredAt");
        };
    }

    /**
     * The live entities whose {@code field} is {@code value}, locked for the rest of the transaction:
     * the units of a site, or the sensors on a unit, whose published states a change rewrites.
     */
    public <E extends CatalogEntity> Uni<List<E>> liveLockedWith(Class<E> type, String field, UUID value) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from " + type.getSimpleName() + " e where e." + field
                        + " = :value and e.deletedAt is null order by e.id", type)
                .setParameter("value", value)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
    }

    /** The live children that block deleting the entity, one entry per kind that has any. */
    public Uni<List<LiveChildren>> liveChildren(EntityType parentType, UUID parentId) {
        // One session runs one query at a time: count the kinds one after the other.
        Uni<List<LiveChildren>> all = Uni.createFrom().item(ArrayList::new);
        for (EntityType.Child child : parentType.children()) {
            all = all.chain(found -> liveChildren(child, parentId).map(children -> {
                if (children.count() > 0) {
                    found.add(children);
                }
                return found;
            }));
        }
        return all;
    }

    private Uni<LiveChildren> liveChildren(EntityType.Child child, UUID parentId) {
        String from = " from " + entityClass(child.type()).getSimpleName() + " e where e." + child.parentField()
                + " = :parent and e.deletedAt is null";
        return Panache.getSession().chain(session -> session.createSelectionQuery("select count(e)" + from, Long.class)
                .setParameter("parent", parentId).getSingleResult()
                .chain(count -> session.createSelectionQuery("select e.id" + from + " order by e.createdAt, e.id", UUID.class)
                        .setParameter("parent", parentId).setMaxResults(CHILD_IDS_SHOWN).getResultList()
                        .map(ids -> new LiveChildren(child.type(), count, ids))));
    }

    /** Whether any row of any org, deleted or not, has {@code field = value}: device identifiers are global. */
    public Uni<Boolean> takenAnywhere(Class<? extends CatalogEntity> type, String field, Object value) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select count(e) from " + type.getSimpleName() + " e where e." + field + " = :value",
                        Long.class)
                .setParameter("value", value).getSingleResult()).map(count -> count > 0);
    }
}
