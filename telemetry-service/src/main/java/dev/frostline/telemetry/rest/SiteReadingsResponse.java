package dev.frostline.telemetry.rest;

import java.util.List;
import java.util.UUID;

/**
 * @param readings of every live unit now in the site, newest first
 * @param nextCursor pass as {@code cursor} for the next (older) page; null on the last page
 */
public record SiteReadingsResponse(UUID siteId, List<ReadingView> readings, String nextCursor) {
}
