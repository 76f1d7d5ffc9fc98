package dev.frostline.catalog.service;

import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.device.SensorAssignment;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.catalog.repository.SensorAssignmentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps a sensor's current assignment and its history in step: every change of where a sensor is,
 * or whether it is primary, closes the open history row and opens a new one. The old row is closed
 * and flushed first because the partial unique indexes allow only one open row per sensor and one
 * open primary per unit at every statement.
 */
@ApplicationScoped
public class SensorPlacement {

    private final SensorAssignmentRepository assignments;
    private final CatalogStore store;

    public SensorPlacement(SensorAssignmentRepository assignments, CatalogStore store) {
        this.assignments = assignments;
        this.store = store;
    }

    /** Applies {@code change} to the sensor and rewrites its history to match. */
    public Uni<Void> change(Sensor sensor, Instant now, Consumer<Sensor> change) {
        return assignments.openOf(sensor.id)
                .call(open -> {
                    if (open == null) {
                        return Uni.createFrom().voidItem();
                    }
                    open.close(now);
                    return store.flush();
                })
                .chain(() -> {
                    change.accept(sensor);
                    return store.flush();
                })
                .chain(() -> sensor.isAssigned()
                        ? store.persist(SensorAssignment.openFor(sensor, now))
                        : Uni.createFrom().voidItem());
    }

    public Uni<Void> release(Sensor sensor, Instant now) {
        return change(sensor, now, s -> s.unassign(now));
    }
}
