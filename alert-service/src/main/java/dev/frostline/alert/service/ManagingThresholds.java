package dev.frostline.alert.service;

import dev.frostline.alert.repository.ThresholdRepository;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.alert.threshold.Threshold;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.projection.UnitDirectory;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sets and lists the thresholds of the caller's org's units. */
@ApplicationScoped
public class ManagingThresholds {

    private final ThresholdRepository thresholds;
    private final UnitDirectory units;

    public ManagingThresholds(ThresholdRepository thresholds, UnitDirectory units) {
        this.thresholds = thresholds;
        this.units = units;
    }

    /** Creates or replaces the threshold of one metric; the next reading is evaluated against it. */
    @WithTransaction
    public Uni<Threshold> set(Caller caller, UUID unitId, Metric metric, Bounds bounds) {
        return requireUnit(caller, unitId)
                .invoke(() -> caller.require(Role.MANAGER))
                .chain(() -> thresholds.upsert(caller.orgId(), unitId, metric, bounds, Instant.now()))
                .chain(() -> thresholds.findOf(caller.orgId(), unitId, metric));
    }

    @WithSession
    public Uni<List<Threshold>> list(Caller caller, UUID unitId) {
        caller.require(Role.VIEWER);
        return requireUnit(caller, unitId).chain(() -> thresholds.listOfUnit(caller.orgId(), unitId));
    }

    /** A unit of another org, a deleted one and an unknown one are all "not found". */
    private Uni<Void> requireUnit(Caller caller, UUID unitId) {
        return units.findLiveInOrg(unitId, caller.orgId()).chain(unit -> unit == null
                ? Uni.createFrom().failure(ProblemException.notFound("Unit", unitId))
                : Uni.createFrom().voidItem());
    }
}
