package dev.frostline.telemetry.service;

import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.projection.UnitDirectory;
import dev.frostline.support.security.Caller;
import dev.frostline.telemetry.aggregate.AggregatePoint;
import dev.frostline.telemetry.aggregate.AggregateWindow;
import dev.frostline.telemetry.aggregate.Bucket;
import dev.frostline.telemetry.config.QueryConfig;
import dev.frostline.telemetry.repository.ReadingAggregateRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Aggregates of one metric of a unit, bucketed in its site's time zone, for a user of its org. */
@ApplicationScoped
public class AggregatingReadings {

    /** The window asked for and the points that answer it. */
    public record Aggregates(AggregateWindow window, List<AggregatePoint> points) {
    }

    private final UnitDirectory units;
    private final ReadingAggregateRepository aggregates;
    private final QueryConfig config;

    public AggregatingReadings(UnitDirectory units, ReadingAggregateRepository aggregates, QueryConfig config) {
        this.units = units;
        this.aggregates = aggregates;
        this.config = config;
    }

    /**
     * 404 for a unit that is not live in the caller's org, checked before the point cap, so the cap
     * tells nothing about another org's unit. The session only spans the lookup: the aggregate runs
     * on the pool without holding a second connection.
     */
    public Uni<Aggregates> ofUnit(Caller caller, UUID unitId, Metric metric, Bucket bucket, Instant from, Instant to) {
        caller.require(Role.VIEWER);
        return Panache.withSession(() -> units.findLiveInOrg(unitId, caller.orgId())).chain(unit -> {
            if (unit == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Unit", unitId));
            }
            AggregateWindow window = new AggregateWindow(metric, bucket, from, to, SiteTimeZone.of(unit.timeZone));
            window.requireAtMost(config.aggregates().maxPoints());
            return aggregates.aggregate(caller.orgId(), unitId, window).map(points -> new Aggregates(window, points));
        });
    }
}
