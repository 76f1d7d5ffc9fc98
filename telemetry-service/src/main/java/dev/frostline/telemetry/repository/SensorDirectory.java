package dev.frostline.telemetry.repository;

import dev.frostline.support.projection.SensorProjection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Answers "which of these sensors are live in this org?" from the local sensor projection. */
@ApplicationScoped
public class SensorDirectory {

    /**
     * The live sensors of this org named by ID or by (normalized) DevEUI; at most two queries. A
     * sensor of another org is absent, exactly like one that does not exist.
     */
    public Uni<List<SensorProjection>> findLiveInOrg(Collection<UUID> sensorIds, Collection<String> devEuis,
            UUID orgId) {
        List<SensorProjection> found = new ArrayList<>();
        return query("sensorId in :named", sensorIds, orgId).invoke(found::addAll)
                .chain(() -> query("devEui in :named", devEuis, orgId)).invoke(found::addAll)
                .replaceWith(found);
    }

    private static Uni<List<SensorProjection>> query(String condition, Collection<?> named, UUID orgId) {
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
