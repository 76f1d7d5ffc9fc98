package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.reading.Reading;
import dev.frostline.telemetry.reading.ReadingWindow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReadingRepository implements PanacheRepositoryBase<Reading, UUID> {

    private static final String INSERT_ONCE = """
            insert into readings (id, org_id, site_id, unit_id, metric, value, recorded_at, received_at, sensor_id,
                                  message_id)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            on conflict (id) do nothing
            """;

    /**
     * Stores the reading unless one with its ID is already stored: redelivery changes nothing.
     * Call inside a transaction.
     */
    public Uni<Void> insertOnce(Reading reading) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_ONCE)
                        .setParameter(1, reading.id)
                        .setParameter(2, reading.orgId)
                        .setParameter(3, reading.siteId)
                        .setParameter(4, reading.unitId)
                        .setParameter(5, reading.metric)
                        .setParameter(6, reading.value)
                        .setParameter(7, reading.recordedAt)
                        .setParameter(8, reading.receivedAt)
                        .setParameter(9, reading.sensorId)
                        .setParameter(10, reading.messageId)
                        .executeUpdate())
                .replaceWithVoid();
    }

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
