package dev.frostline.telemetry.rest;

import java.util.List;
import java.util.UUID;

/** @param readings newest first */
public record UnitReadingsResponse(UUID unitId, List<ReadingView> readings) {
}
