package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.reading.Reading;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReadingRepository implements PanacheRepositoryBase<Reading, UUID> {

    private static final String INSERT_ONCE = """
            insert into readings (id, org_id, site_id, unit_id, metric, value, recorded_at, received_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
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
                        .executeUpdate())
                .replaceWithVoid();
    }
}
