package dev.frostline.alert.threshold;

import dev.frostline.contracts.Metric;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The bounds one metric of one unit must stay in, owned by the unit's org. The row also remembers
 * the newest reading evaluated against it, so each reading changes alerts at most once.
 */
@Entity
@Table(name = "thresholds")
public class Threshold {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;
    @Convert(converter = MetricColumn.class)
    @Column(nullable = false)
    public Metric metric;
    @Column(name = "min_value")
    public Double min;
    @Column(name = "max_value")
    public Double max;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "last_reading_at")
    public Instant lastReadingAt;
    @Column(name = "last_reading_id")
    public UUID lastReadingId;

    public Bounds bounds() {
        return new Bounds(min, max);
    }

    /** The newest reading evaluated so far, or null. */
    public ReadingPosition lastEvaluated() {
        return lastReadingAt == null ? null : new ReadingPosition(lastReadingAt, lastReadingId);
    }

    public void markEvaluated(ReadingPosition position) {
        lastReadingAt = position.recordedAt();
        lastReadingId = position.readingId();
    }
}
