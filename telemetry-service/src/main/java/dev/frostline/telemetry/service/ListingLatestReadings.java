package dev.frostline.telemetry.service;

import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import dev.frostline.telemetry.reading.UnitLatest;
import dev.frostline.telemetry.repository.LatestReadingRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The latest readings of every unit in a site, for a user of the site's org. */
@ApplicationScoped
public class ListingLatestReadings {

    private final LatestReadingRepository latest;

    public ListingLatestReadings(LatestReadingRepository latest) {
        this.latest = latest;
    }

    /** 404 when the caller's org has no live unit in the site: the query itself is scoped to the org. */
    public Uni<List<UnitLatest>> ofSite(Caller caller, UUID siteId) {
        caller.require(Role.VIEWER);
        return latest.latestOfSite(caller.orgId(), siteId).invoke(units -> {
            if (units.isEmpty()) {
                throw ProblemException.notFound("Site", siteId);
            }
        });
    }
}
