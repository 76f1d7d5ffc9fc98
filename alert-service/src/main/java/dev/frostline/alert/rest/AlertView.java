package dev.frostline.alert.rest;

import dev.frostline.alert.repository.AlertRow;
import dev.frostline.alert.service.QueryingAlerts.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the API shows it. {@code min}/{@code max} are the bounds in force when it opened.
 *
 * @param triggerValue the peak when it opened (null for offline)
 * @param timeline only on a single alert; null in lists
 */
public record AlertView(UUID id, UUID unitId, UUID siteId, UUID ruleId, String ruleKind, String metric,
        String severity, String state, Instant since, Instant openedAt, Double triggerValue, Double peakValue,
        Double min, Double max, UUID triggeringReadingId, Instant acknowledgedAt, UUID acknowledgedBy,
        String acknowledgeNote, Instant resolvedAt, String resolution, UUID resolvedBy, String resolveNote,
        List<TimelineEntry> timeline) {

    static AlertView of(AlertRow a, List<TimelineEntry> timeline) {
        return new AlertView(a.id, a.unitId, a.siteId, a.ruleId, a.key.kind().wireName(),
                a.key.metric() == null ? null : a.key.metric().wireName(), a.severity.wireName(), a.state.wireName(),
                a.since, a.openedAt, a.triggerValue, a.peak, a.min, a.max, a.triggeringReadingId, a.acknowledgedAt,
                a.acknowledgedBy, a.acknowledgeNote, a.resolvedAt, a.resolution, a.resolvedBy, a.resolveNote, timeline);
    }

    /** @param nextCursor the cursor of the next page, null on the last */
    public record Page(List<AlertView> alerts, String nextCursor) {
    }

    /** A person's note on an acknowledgement or a manual resolve: what was found, what was done. */
    public record NoteRequest(String note) {
    }
}
