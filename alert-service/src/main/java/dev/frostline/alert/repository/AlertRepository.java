package dev.frostline.alert.repository;

import dev.frostline.alert.alert.Alert;
import dev.frostline.alert.alert.AlertStatus;
import dev.frostline.contracts.Metric;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    public Uni<Alert> findOpen(UUID orgId, UUID unitId, Metric metric) {
        return find("orgId = ?1 and unitId = ?2 and metric = ?3 and status = ?4",
                orgId, unitId, metric, AlertStatus.OPEN).firstResult();
    }

    public Uni<Boolean> existsTriggeredBy(UUID readingId) {
        return count("triggeringReadingId", readingId).map(n -> n > 0);
    }

    /** Tenancy: an alert of another org is simply not found. */
    public Uni<Alert> findInOrg(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }

    /** The org's alerts, newest first, optionally of one unit and one status. */
    public Uni<List<Alert>> listOfOrg(UUID orgId, UUID unitId, AlertStatus status, int limit) {
        StringBuilder query = new StringBuilder("orgId = :org");
        Parameters parameters = Parameters.with("org", orgId);
        if (unitId != null) {
            query.append(" and unitId = :unit");
            parameters.and("unit", unitId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        query.append(" order by openedAt desc, id");
        return find(query.toString(), parameters).page(0, limit).list();
    }
}
