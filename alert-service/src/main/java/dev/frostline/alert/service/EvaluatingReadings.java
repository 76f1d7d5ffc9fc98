package dev.frostline.alert.service;

import dev.frostline.alert.alert.Alert;
import dev.frostline.alert.messaging.AlertEventMapper;
import dev.frostline.alert.repository.AlertRepository;
import dev.frostline.alert.repository.ThresholdRepository;
import dev.frostline.alert.threshold.ReadingPosition;
import dev.frostline.alert.threshold.Threshold;
import dev.frostline.alert.threshold.ThresholdCheck;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.support.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Evaluates one reading against its unit's threshold and opens, updates or resolves the alert, all
 * in one transaction with the outbox rows announcing it. Exactly once in effect under redelivery:
 * <ul>
 * <li>the threshold row records the newest reading evaluated and is locked while evaluating, so a
 * redelivered or late reading changes nothing;</li>
 * <li>an alert's ID and its events' IDs derive from the reading, and {@code triggering_reading_id} is
 * unique, so the opening reading can never open a second alert;</li>
 * <li>a partial unique index allows one open alert per unit and metric.</li>
 * </ul>
 * A failure rolls everything back, including the outbox rows, and the reading is evaluated again.
 */
@ApplicationScoped
public class EvaluatingReadings {

    private final ThresholdRepository thresholds;
    private final AlertRepository alerts;
    private final Outbox outbox;

    public EvaluatingReadings(ThresholdRepository thresholds, AlertRepository alerts, Outbox outbox) {
        this.thresholds = thresholds;
        this.alerts = alerts;
        this.outbox = outbox;
    }

    public Uni<Void> evaluate(ReadingRecorded reading) {
        Optional<Metric> metric = Metric.fromWireName(reading.metric());
        if (metric.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // The threshold is looked up by the reading's org as well as its unit: a reading claiming another
        // org's unit finds nothing.
        return Panache.withTransaction(() -> thresholds.lockForEvaluation(reading.orgId(), reading.unitId(), metric.get())
                .chain(threshold -> threshold == null ? Uni.createFrom().voidItem() : evaluateAgainst(threshold, reading)));
    }

    private Uni<Void> evaluateAgainst(Threshold threshold, ReadingRecorded reading) {
        ReadingPosition position = new ReadingPosition(reading.recordedAt(), reading.eventId());
        if (!position.isAfter(threshold.lastEvaluated())) {
            Log.debugf("reading %s of unit %s is not newer than the last one evaluated; nothing to do",
                    reading.eventId(), reading.unitId());
            return Uni.createFrom().voidItem();
        }
        threshold.markEvaluated(position);
        return alerts.findOpen(threshold.orgId, threshold.unitId, threshold.metric).chain(open -> {
            ThresholdCheck.Outcome outcome = ThresholdCheck.evaluate(threshold.bounds(), reading.value(),
                    open == null ? OptionalDouble.empty() : OptionalDouble.of(open.peakValue));
            return switch (outcome) {
                case OPEN_ALERT -> open(threshold, reading);
                case RAISE_PEAK -> {
                    open.raisePeak(reading.value());
                    yield Uni.createFrom().voidItem();
                }
                case RESOLVE_ALERT -> resolve(open, reading);
                case NO_CHANGE -> Uni.createFrom().voidItem();
            };
        });
    }

    private Uni<Void> open(Threshold threshold, ReadingRecorded reading) {
        return alerts.existsTriggeredBy(reading.eventId()).chain(alreadyOpened -> {
            if (alreadyOpened) {
                return Uni.createFrom().voidItem();
            }
            Alert alert = Alert.openedBy(reading.eventId(), threshold.orgId, reading.siteId(), threshold.unitId,
                    threshold.metric, threshold.bounds(), reading.value(), reading.recordedAt());
            Log.infof("alert %s opened: unit %s %s=%s outside [%s, %s]", alert.id, alert.unitId,
                    alert.metric.wireName(), reading.value(), alert.min, alert.max);
            return alerts.persist(alert)
                    .chain(() -> outbox.enqueue(Topics.ALERTS, alert.unitId.toString(), AlertEventMapper.opened(alert)));
        });
    }

    private Uni<Void> resolve(Alert alert, ReadingRecorded reading) {
        alert.resolveWith(reading.eventId(), reading.recordedAt());
        Log.infof("alert %s resolved: unit %s %s=%s", alert.id, alert.unitId, alert.metric.wireName(), reading.value());
        return outbox.enqueue(Topics.ALERTS, alert.unitId.toString(), AlertEventMapper.resolved(alert, reading.value()));
    }
}
