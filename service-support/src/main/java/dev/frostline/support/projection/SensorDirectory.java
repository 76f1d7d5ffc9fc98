package dev.frostline.support.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Answers "is this sensor live, and in this org?" from the local sensor projection. Another org's
 * sensor, a deleted one and an unknown one look the same to the caller, which is what tenancy requires.
 */
@ApplicationScoped
public class SensorDirectory {

    /** The live sensor with this ID in this org, or null. */
    public Uni<SensorProjection> findLiveInOrg(UUID sensorId, UUID orgId) {
        return Panache.getSession().chain(session -> session
                .createQuery("from SensorProjection where sensorId = :sensor and orgId = :org and deleted = false",
                        SensorProjection.class)
                .setParameter("sensor", sensorId)
                .setParameter("org", orgId)
                .getSingleResultOrNull());
    }
}
