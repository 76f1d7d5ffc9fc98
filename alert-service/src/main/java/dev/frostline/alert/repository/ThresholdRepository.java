package dev.frostline.alert.repository;

import dev.frostline.alert.threshold.Bounds;
import dev.frostline.alert.threshold.Threshold;
import dev.frostline.contracts.Metric;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ThresholdRepository implements PanacheRepositoryBase<Threshold, UUID> {

    // One statement, so two concurrent first PUTs for the same metric cannot both insert.
    private static final String UPSERT = """
            insert into thresholds (id, org_id, unit_id, metric, min_value, max_value, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            on conflict (org_id, unit_id, metric) do update set
              min_value = excluded.min_value, max_value = excluded.max_value, updated_at = excluded.updated_at
            """;

    /** Tenancy: always by org and unit together, never by unit alone. */
    public Uni<Threshold> findOf(UUID orgId, UUID unitId, Metric metric) {
        return find("orgId = ?1 and unitId = ?2 and metric = ?3", orgId, unitId, metric).firstResult();
    }

    /**
     * The threshold, row-locked until the transaction ends: evaluations of one unit and metric run
     * one after the other even if two consumers briefly hold the same partition during a rebalance.
     */
    public Uni<Threshold> lockForEvaluation(UUID orgId, UUID unitId, Metric metric) {
        return find("orgId = ?1 and unitId = ?2 and metric = ?3", orgId, unitId, metric)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<List<Threshold>> listOfUnit(UUID orgId, UUID unitId) {
        return list("orgId = ?1 and unitId = ?2 order by metric", orgId, unitId);
    }

    public Uni<Integer> upsert(UUID orgId, UUID unitId, Metric metric, Bounds bounds, Instant updatedAt) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, orgId)
                .setParameter(3, unitId)
                .setParameter(4, metric.wireName())
                .setParameter(5, bounds.min())
                .setParameter(6, bounds.max())
                .setParameter(7, updatedAt)
                .executeUpdate());
    }
}
