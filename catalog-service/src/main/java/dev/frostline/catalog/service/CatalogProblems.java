package dev.frostline.catalog.service;

import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.repository.CatalogStore.LiveChildren;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The catalog's own problem types; their slugs are a stable API that clients switch on. */
public final class CatalogProblems {

    public static final ProblemType HAS_LIVE_CHILDREN = new ProblemType("has-live-children", "Entity has live children", 409);
    /**
     * A parent that exists in the caller's org but is deleted. 409 rather than 422: the request is
     * well-formed and the caller can fix it by restoring the parent, which is a conflict with state.
     */
    public static final ProblemType PARENT_DELETED = new ProblemType("parent-deleted", "Parent is deleted", 409);
    public static final ProblemType NOT_DELETED = new ProblemType("not-deleted", "Entity is not deleted", 409);
    public static final ProblemType DUPLICATE_SENSOR = new ProblemType("duplicate-sensor", "Sensor already registered", 409);
    public static final ProblemType DUPLICATE_GATEWAY = new ProblemType("duplicate-gateway", "Gateway already registered", 409);
    public static final ProblemType SENSOR_ALREADY_ASSIGNED =
            new ProblemType("sensor-already-assigned", "Sensor is already assigned", 409);
    public static final ProblemType SENSOR_NOT_ASSIGNED = new ProblemType("sensor-not-assigned", "Sensor is not assigned", 409);
    public static final ProblemType PRECONDITION_REQUIRED =
            new ProblemType("precondition-required", "If-Match header required", 428);
    public static final ProblemType STALE_ENTITY = new ProblemType("stale-entity", "Entity has changed", 412);

    private CatalogProblems() {
    }

    public static ProblemException notFound(EntityType type, UUID id) {
        return ProblemException.notFound(type.label(), id);
    }

    public static ProblemException parentNotFound(EntityType type, UUID id) {
        return ProblemException.notFound("Parent " + type.wire(), id);
    }

    /** Names the children by kind: how many, and the first few IDs, so the caller can deal with them. */
    public static ProblemException hasLiveChildren(CatalogEntity entity, List<LiveChildren> children) {
        String summary = children.stream().map(c -> c.count() + " live " + c.type().wire() + (c.count() == 1 ? "" : "s"))
                .collect(Collectors.joining(" and "));
        List<Map<String, Object>> errors = children.stream().map(c -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", c.type().wire());
            item.put("count", c.count());
            item.put("firstIds", c.firstIds().stream().map(UUID::toString).toList());
            return item;
        }).toList();
        return new ProblemException(HAS_LIVE_CHILDREN, entity.entityType().label() + " " + entity.id + " still has "
                + summary + "; delete or move them first.", errors);
    }

    public static ProblemException parentDeleted(EntityType parentType, UUID parentId) {
        return new ProblemException(PARENT_DELETED, "The " + parentType.wire() + " " + parentId
                + " is deleted; restore it first.");
    }

    public static ProblemException notDeleted(CatalogEntity entity) {
        return new ProblemException(NOT_DELETED, entity.entityType().label() + " " + entity.id + " is not deleted.");
    }

    public static ProblemException stale(CatalogEntity entity) {
        return new ProblemException(STALE_ENTITY, entity.entityType().label() + " " + entity.id
                + " has changed since you read it (it is now at ETag \"" + entity.version
                + "\"); read it again and reapply your change.");
    }
}
