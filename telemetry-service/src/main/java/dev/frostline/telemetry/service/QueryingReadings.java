package dev.frostline.telemetry.service;

import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.projection.UnitDirectory;
import dev.frostline.support.security.Caller;
import dev.frostline.telemetry.reading.ReadingPage;
import dev.frostline.telemetry.reading.ReadingWindow;
import dev.frostline.telemetry.repository.ReadingPageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads pages of stored readings of a unit or a site for a user of its organization. */
@ApplicationScoped
public class QueryingReadings {

    private final UnitDirectory units;
    private final ReadingPageRepository readings;

    public QueryingReadings(UnitDirectory units, ReadingPageRepository readings) {
        this.units = units;
        this.readings = readings;
    }

    /** A 404 problem unless the unit is live in the caller's org: another org's unit is "not found". */
    @WithSession
    public Uni<ReadingPage> pageOfUnit(Caller caller, UUID unitId, ReadingWindow window) {
        caller.require(Role.VIEWER);
        return units.findLiveInOrg(unitId, caller.orgId()).chain(unit -> {
            if (unit == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Unit", unitId));
            }
            return readings.pageOfUnit(caller.orgId(), unitId, window);
        });
    }

    /** A 404 problem unless the caller's org has a live unit in the site. */
    @WithSession
    public Uni<ReadingPage> pageOfSite(Caller caller, UUID siteId, ReadingWindow window) {
        caller.require(Role.VIEWER);
        return units.findLiveInSite(siteId, caller.orgId()).chain(siteUnits -> {
            if (siteUnits.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("Site", siteId));
            }
            return readings.pageOfSite(caller.orgId(), siteId, window);
        });
    }
}
