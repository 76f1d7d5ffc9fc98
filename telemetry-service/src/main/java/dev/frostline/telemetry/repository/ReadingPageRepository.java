package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.reading.Reading;
import dev.frostline.telemetry.reading.ReadingPage;
import dev.frostline.telemetry.reading.ReadingWindow;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Pages of stored readings, newest first, keyset-paginated on (recordedAt, id). Every query filters
 * by org as well as unit, so a reading never crosses tenants. Writes are ReadingRepository's.
 */
@ApplicationScoped
public class ReadingPageRepository implements PanacheRepositoryBase<Reading, UUID> {

    public Uni<ReadingPage> pageOfUnit(UUID orgId, UUID unitId, ReadingWindow window) {
        return page("orgId = :org and unitId = :unit",
                Parameters.with("org", orgId).and("unit", unitId), window);
    }

    /** The readings of the units now in the site (the projection's site, not the one stored with each reading). */
    public Uni<ReadingPage> pageOfSite(UUID orgId, UUID siteId, ReadingWindow window) {
        return page("orgId = :org and unitId in (select u.unitId from UnitProjection u"
                        + " where u.orgId = :org and u.siteId = :site and u.deleted = false)",
                Parameters.with("org", orgId).and("site", siteId), window);
    }

    /** Fetches one row more than the limit, so the page knows whether another follows. */
    private Uni<ReadingPage> page(String scope, Parameters parameters, ReadingWindow window) {
        StringBuilder query = new StringBuilder(scope);
        if (window.metric() != null) {
            query.append(" and metric = :metric");
            parameters.and("metric", window.metric().wireName());
        }
        if (window.from() != null) {
            query.append(" and recordedAt >= :from");
            parameters.and("from", window.from());
        }
        if (window.to() != null) {
            query.append(" and recordedAt < :to");
            parameters.and("to", window.to());
        }
        if (window.after() != null) {
            query.append(" and (recordedAt < :cursorAt or (recordedAt = :cursorAt and id < :cursorId))");
            parameters.and("cursorAt", window.after().recordedAt()).and("cursorId", window.after().id());
        }
        query.append(" order by recordedAt desc, id desc");
        return find(query.toString(), parameters).range(0, window.limit()).list()
                .map(fetched -> ReadingPage.of(fetched, window.limit()));
    }
}
