package dev.frostline.support.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /** The live sensors of this org named by ID or by (normalized) DevEUI; at most two queries. */
    public Uni<List<SensorProjection>> findLiveInOrg(Collection<UUID> sensorIds, Collection<String> devEuis,
            UUID orgId) {
        List<SensorProjection> found = new ArrayList<>();
        return liveInOrg("sensorId in :named", sensorIds, orgId).invoke(found::addAll)
                .chain(() -> liveInOrg("devEui in :named", devEuis, orgId)).invoke(found::addAll)
                .replaceWith(found);
    }

    private static Uni<List<SensorProjection>> liveInOrg(String condition, Collection<?> named, UUID orgId) {
        if (named.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createQuery("from SensorProjection where " + condition + " and orgId = :org and deleted = false",
                        SensorProjection.class)
                .setParameter("named", named)
                .setParameter("org", orgId)
                .getResultList());
    }
}
