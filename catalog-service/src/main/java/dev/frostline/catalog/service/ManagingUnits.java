package dev.frostline.catalog.service;

import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.permission.CatalogPermissions;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.hierarchy.UnitType;
import dev.frostline.catalog.messaging.UnitStateMapper;
import dev.frostline.catalog.repository.AreaRepository;
import dev.frostline.catalog.repository.UnitRepository;
import dev.frostline.contracts.Topics;
import dev.frostline.support.outbox.Outbox;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Creates, reads and deletes units. Every change writes the unit's new {@code UnitState} to the
 * outbox in the transaction of the change, so the other services' projections learn of exactly the
 * changes that committed, even across a Kafka outage.
 */
@ApplicationScoped
public class ManagingUnits {

    private final AreaRepository areas;
    private final UnitRepository units;
    private final Outbox outbox;

    public ManagingUnits(AreaRepository areas, UnitRepository units, Outbox outbox) {
        this.areas = areas;
        this.units = units;
        this.outbox = outbox;
    }

    /** The parent is looked up before the role is checked, so another org's area is 404 for every role. */
    @WithTransaction
    public Uni<Unit> create(Caller caller, UUID areaId, String name, UnitType type, String description) {
        return areas.findInOrg(areaId, caller.orgId()).chain(area -> {
            if (area == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Parent area", areaId));
            }
            CatalogPermissions.require(caller, CatalogOperation.WRITE_UNITS);
            Unit unit = Unit.createIn(area, name, type, description, CatalogClock.now());
            return units.persist(unit).chain(() -> publish(unit)).replaceWith(unit);
        });
    }

    @WithSession
    public Uni<List<Unit>> list(Caller caller, UUID areaId, UUID siteId) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return units.listLiveOfOrg(caller.orgId(), areaId, siteId);
    }

    @WithSession
    public Uni<Unit> get(Caller caller, UUID id) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return units.findLiveInOrg(id, caller.orgId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Unit", id));
    }

    /** Soft delete, published as a new version with {@code deleted=true}; a deleted unit is then not found. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return units.findLiveInOrgForUpdate(id, caller.orgId()).chain(unit -> {
            if (unit == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Unit", id));
            }
            CatalogPermissions.require(caller, CatalogOperation.WRITE_UNITS);
            unit.delete(CatalogClock.now());
            return publish(unit);
        });
    }

    private Uni<Void> publish(Unit unit) {
        return outbox.enqueue(Topics.CATALOG_UNITS, unit.id.toString(), UnitStateMapper.toState(unit));
    }
}
