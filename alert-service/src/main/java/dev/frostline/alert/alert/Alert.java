package dev.frostline.alert.alert;

import dev.frostline.alert.threshold.Bounds;
import dev.frostline.alert.threshold.MetricColumn;
import dev.frostline.contracts.Metric;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A stretch of time during which one metric of one unit was outside its threshold. At most one is
 * open per unit and metric (also enforced by a partial unique index).
 */
@Entity
@Table(name = "alerts")
public class Alert {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;
    @Convert(converter = MetricColumn.class)
    @Column(nullable = false)
    public Metric metric;
    @Convert(converter = AlertStatusColumn.class)
    @Column(nullable = false)
    public AlertStatus status;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "trigger_value", nullable = false)
    public double triggerValue;
    /** The value furthest outside the bounds seen while open. */
    @Column(name = "peak_value", nullable = false)
    public double peakValue;
    /** The bounds in force when it opened; a later threshold change does not rewrite history. */
    @Column(name = "min_value")
    public Double min;
    @Column(name = "max_value")
    public Double max;
    @Column(name = "triggering_reading_id", nullable = false, unique = true)
    public UUID triggeringReadingId;
    @Column(name = "resolving_reading_id")
    public UUID resolvingReadingId;

    /** An alert opened by a reading outside {@code bounds}; its ID derives from the reading's. */
    public static Alert openedBy(UUID readingId, UUID orgId, UUID siteId, UUID unitId, Metric metric, Bounds bounds,
            double value, Instant recordedAt) {
        Alert alert = new Alert();
        alert.id = AlertIds.alertId(readingId);
        alert.orgId = orgId;
        alert.siteId = siteId;
        alert.unitId = unitId;
        alert.metric = metric;
        alert.status = AlertStatus.OPEN;
        alert.openedAt = recordedAt;
        alert.triggerValue = value;
        alert.peakValue = value;
        alert.min = bounds.min();
        alert.max = bounds.max();
        alert.triggeringReadingId = readingId;
        return alert;
    }

    public void raisePeak(double value) {
        peakValue = value;
    }

    public void resolveWith(UUID readingId, Instant recordedAt) {
        status = AlertStatus.RESOLVED;
        resolvedAt = recordedAt;
        resolvingReadingId = readingId;
    }
}
