package dev.frostline.alert.service;

import dev.frostline.alert.service.EvaluatingReadings.PositionedReading;
import dev.frostline.support.messaging.CommittedBatchMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the readings evaluation costs and how far behind it runs, for the dashboards and for telling a
 * slow alert apart from a slow ingest:
 * <ul>
 * <li>{@code frostline_alert_engine_batch_size_readings}: records per evaluated batch;</li>
 * <li>{@code frostline_alert_engine_batch_duration_seconds}: one batch's transaction, from its start to
 * its commit (retries included);</li>
 * <li>{@code frostline_alert_engine_lag_seconds}: per reading, from its acceptance by telemetry
 * ({@code occurredAt}) to the commit that evaluated it. Both clocks are this platform's, so a device that
 * sends old readings does not inflate it;</li>
 * <li>{@code frostline_alert_engine_stale_retries_total}: batches run again with their states locked.</li>
 * </ul>
 * No unit, org or partition in the labels.
 */
@ApplicationScoped
public class EvaluationMeters {

    private final Clock clock;
    private final Counter staleRetries;
    private final CommittedBatchMeters batches;
    private final Timer batchDuration;

    public EvaluationMeters(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.staleRetries = Counter.builder("frostline.alert.engine.stale.retries")
                .description("Readings batches run again with their states locked, because another transaction"
                        + " rewrote one of them between the batch's read and its write")
                .register(meters);
        this.batches = new CommittedBatchMeters(meters, "frostline.alert.engine", "Records of the readings topic",
                "evaluated");
        this.batchDuration = Timer.builder("frostline.alert.engine.batch.duration")
                .description("One readings batch's evaluation, from its start to its commit")
                .publishPercentileHistogram()
                .register(meters);
    }

    void staleRetry() {
        staleRetries.increment();
    }

    /** The batch committed; {@code startedNanos} is {@link System#nanoTime()} at its start. */
    void committed(List<PositionedReading> batch, long startedNanos) {
        batchDuration.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        batches.batch(batch.size());
        Instant now = clock.instant();
        for (PositionedReading record : batch) {
            if (record.reading() != null) {
                batches.lag(record.reading().occurredAt(), now);
            }
        }
    }
}
