package dev.frostline.telemetry.rest;

import java.util.List;
import java.util.UUID;

/** @param ids the reading IDs, in request order; a retried reading gets its earlier ID again */
public record IngestResponse(int accepted, List<UUID> ids) {
}
