package dev.frostline.telemetry.service;

import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.projection.UnitDirectory;
import dev.frostline.support.security.Caller;
import dev.frostline.telemetry.reading.Reading;
import dev.frostline.telemetry.reading.ReadingWindow;
import dev.frostline.telemetry.repository.ReadingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads a unit's stored readings for a user of the unit's organization. */
@ApplicationScoped
public class QueryingReadings {

    private final UnitDirectory units;
    private final ReadingRepository readings;

    public QueryingReadings(UnitDirectory units, ReadingRepository readings) {
        this.units = units;
        this.readings = readings;
    }

    /** A 404 problem unless the unit is live in the caller's org: another org's unit is "not found". */
    @WithSession
    public Uni<List<Reading>> listOfUnit(Caller caller, UUID unitId, ReadingWindow window) {
        caller.require(Role.VIEWER);
        return units.findLiveInOrg(unitId, caller.orgId()).chain(unit -> {
            if (unit == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Unit", unitId));
            }
            return readings.listOfUnit(caller.orgId(), unitId, window);
        });
    }
}
