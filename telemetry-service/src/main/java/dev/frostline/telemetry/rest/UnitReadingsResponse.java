package dev.frostline.telemetry.rest;

import java.util.List;
import java.util.UUID;

/**
 * @param readings newest first
 * @param nextCursor pass as {@code cursor} for the next (older) page; null on the last page
 */
public record UnitReadingsResponse(UUID unitId, List<ReadingView> readings, String nextCursor) {
}
