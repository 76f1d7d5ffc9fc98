package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditRecord;
import dev.frostline.catalog.device.Gateway;
import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.hierarchy.Area;
import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.HierarchyPlace;
import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.messaging.CatalogChangedMapper;
import dev.frostline.catalog.messaging.SensorStateMapper;
import dev.frostline.catalog.messaging.UnitStateMapper;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.catalog.repository.SensorAssignmentRepository;
import dev.frostline.contracts.Topics;
import dev.frostline.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Enqueues, in the transaction of a catalog write, every event the write causes: its change event,
 * and the new published state of each unit and sensor whose projection it changes, including the
 * indirect ones (a site rename changes its units' states; a new primary sensor its unit's; a unit
 * moving to another site its sensors').
 *
 * <p>Invariant: a state is published only while its row is locked by the transaction, with the next
 * state version of that row. Two transactions publishing the same unit are therefore serialized, the
 * later one computes its state from what the earlier one committed, and its higher version wins in
 * every projection.
 */
@ApplicationScoped
public class CatalogEvents {

    private final Outbox outbox;
    private final CatalogStore store;
    private final SensorAssignmentRepository assignments;

    public CatalogEvents(Outbox outbox, CatalogStore store, SensorAssignmentRepository assignments) {
        this.outbox = outbox;
        this.store = store;
        this.assignments = assignments;
    }

    /**
     * @param before the entity's audit snapshot before the write, null for a creation
     */
    public Uni<Void> enqueue(AuditRecord record, CatalogEntity entity, Map<String, Object> before) {
        return placeOf(entity, before)
                .chain(place -> outbox.enqueue(Topics.CATALOG_CHANGES, record.orgId.toString(),
                        CatalogChangedMapper.toEvent(record, place, entity.version)))
                .chain(() -> statesChangedBy(entity, before));
    }

    private Uni<HierarchyPlace> placeOf(CatalogEntity entity, Map<String, Object> before) {
        if (entity instanceof Site site) {
            return Uni.createFrom().item(new HierarchyPlace(site.id, null, null));
        }
        if (entity instanceof Area area) {
            return Uni.createFrom().item(new HierarchyPlace(area.siteId, area.id, null));
        }
        if (entity instanceof Gateway gateway) {
            return Uni.createFrom().item(new HierarchyPlace(gateway.siteId, null, null));
        }
        if (entity instanceof Unit unit) {
            return Uni.createFrom().item(HierarchyPlace.of(unit));
        }
        if (entity instanceof Sensor sensor) {
            // An unassignment happened on the unit the sensor left.
            UUID unitId = sensor.unitId != null ? sensor.unitId : formerUnitOf(before);
            if (unitId == null) {
                return Uni.createFrom().item(HierarchyPlace.NOWHERE);
            }
            return store.findInOrg(Unit.class, unitId, sensor.orgId, LockModeType.NONE)
                    .map(unit -> unit == null ? HierarchyPlace.NOWHERE : HierarchyPlace.of(unit));
        }
        throw new IllegalStateException("no place for catalog entity " + entity.getClass().getName());
    }

    private Uni<Void> statesChangedBy(CatalogEntity entity, Map<String, Object> before) {
        if (entity instanceof Unit unit) {
            // The unit's own lock is held: every unit write goes through liveForChange or creates it.
            Uni<Void> published = publish(unit);
            if (before != null && !Objects.equals(text(before.get("siteId")), unit.siteId.toString())) {
                published = published.chain(() -> forEach(
                        store.liveLockedWith(Sensor.class, "unitId", unit.id), this::publish));
            }
            return published;
        }
        if (entity instanceof Sensor sensor) {
            Uni<Void> published = publish(sensor);
            if (before == null) {
                return published;
            }
            UUID formerUnit = formerUnitOf(before);
            boolean primaryChanged = !Objects.equals(formerUnit, sensor.unitId)
                    || !Objects.equals(before.get("primary"), sensor.primary);
            if (!primaryChanged) {
                return published;
            }
            Set<UUID> units = new LinkedHashSet<>();
            if (formerUnit != null) {
                units.add(formerUnit);
            }
            if (sensor.unitId != null) {
                units.add(sensor.unitId);
            }
            return published.chain(() -> forEach(Uni.createFrom().item(List.copyOf(units)), unitId -> store
                    .findInOrg(Unit.class, unitId, sensor.orgId, LockModeType.PESSIMISTIC_WRITE)
                    .chain(unit -> unit == null ? Uni.createFrom().voidItem() : publish(unit))));
        }
        if (entity instanceof Site site && before != null
                && (!Objects.equals(before.get("name"), site.name) || !Objects.equals(before.get("timeZone"), site.timeZone))) {
            return forEach(store.liveLockedWith(Unit.class, "siteId", site.id), this::publish);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> publish(Unit unit) {
        return store.findInOrg(Site.class, unit.siteId, unit.orgId, LockModeType.NONE)
                .chain(site -> assignments.primaryIdOf(unit.id)
                        .chain(primary -> outbox.enqueue(Topics.CATALOG_UNITS, unit.id.toString(),
                                UnitStateMapper.toState(unit, site, primary, unit.nextStateVersion()))));
    }

    private Uni<Void> publish(Sensor sensor) {
        Uni<UUID> siteId = sensor.unitId == null ? Uni.createFrom().nullItem()
                : store.findInOrg(Unit.class, sensor.unitId, sensor.orgId, LockModeType.NONE)
                        .map(unit -> unit == null ? null : unit.siteId);
        return siteId.chain(site -> outbox.enqueue(Topics.CATALOG_SENSORS, sensor.id.toString(),
                SensorStateMapper.toState(sensor, site, sensor.nextStateVersion())));
    }

    /** One after the other: a session runs one statement at a time. */
    private static <E> Uni<Void> forEach(Uni<List<E>> items, Function<E, Uni<Void>> action) {
        return items.chain(list -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (E item : list) {
                all = all.chain(() -> action.apply(item));
            }
            return all;
        });
    }

    private static UUID formerUnitOf(Map<String, Object> before) {
        String unitId = before == null ? null : text(before.get("unitId"));
        return unitId == null ? null : UUID.fromString(unitId);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
