package dev.frostline.alert.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * The moments of one alert that escalation depends on.
 *
 * @param acknowledgedAt null while unacknowledged
 * @param resolvedAt null while open
 */
public record AlertTimeline(Instant openedAt, Instant acknowledgedAt, Instant resolvedAt) {

    public AlertTimeline {
        Objects.requireNonNull(openedAt, "openedAt");
    }

    public static AlertTimeline openedAt(Instant openedAt) {
        return new AlertTimeline(openedAt, null, null);
    }

    /** The first moment nothing more is sent: acknowledged or resolved, whichever came first; null if neither. */
    Instant quietFrom() {
        if (acknowledgedAt == null) {
            return resolvedAt;
        }
        if (resolvedAt == null) {
            return acknowledgedAt;
        }
        return acknowledgedAt.isBefore(resolvedAt) ? acknowledgedAt : resolvedAt;
    }
}
