package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.reading.Reading;
import dev.frostline.telemetry.reading.ReadingWindow;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReadingRepository implements PanacheRepositoryBase<Reading, UUID> {

    /** Newest first. Filters by org as well as unit, so a reading never crosses tenants. */
    public Uni<List<Reading>> listOfUnit(UUID orgId, UUID unitId, ReadingWindow window) {
        StringBuilder query = new StringBuilder("orgId = :org and unitId = :unit");
        Parameters parameters = Parameters.with("org", orgId).and("unit", unitId);
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
        query.append(" order by recordedAt desc, id desc");
        return find(query.toString(), parameters).page(0, window.limit()).list();
    }
}
