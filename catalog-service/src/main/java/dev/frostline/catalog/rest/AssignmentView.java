package dev.frostline.catalog.rest;

import dev.frostline.catalog.device.SensorAssignment;
import java.time.Instant;
import java.util.UUID;

/** {@code assignedTo} is null for the current assignment. */
public record AssignmentView(UUID id, UUID sensorId, UUID unitId, boolean primary, Instant assignedFrom,
        Instant assignedTo) {

    static AssignmentView of(SensorAssignment assignment) {
        return new AssignmentView(assignment.id, assignment.sensorId, assignment.unitId, assignment.primary,
                assignment.assignedFrom, assignment.assignedTo);
    }
}
