package dev.frostline.support.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The two meters of a consumer that commits what it read in batches: {@code <prefix>.batch.size} (records
 * per committed batch) and {@code <prefix>.lag}, per record the time from when the platform accepted it
 * to the commit that handled it. Both clocks are the platform's, so a device sending old readings does
 * not inflate the lag. No record's IDs in the labels.
 */
public final class CommittedBatchMeters {

    private final DistributionSummary batchSize;
    private final Timer lag;

    /**
     * @param prefix e.g. {@code frostline.telemetry.persister}
     * @param records what a record is, for the descriptions: "Readings", "Records of the readings topic"
     * @param handled what the commit did with them: "stored", "evaluated"
     */
    public CommittedBatchMeters(MeterRegistry registry, String prefix, String records, String handled) {
        this.batchSize = DistributionSummary.builder(prefix + ".batch.size")
                .description(records + " per " + handled + " batch")
                .baseUnit("readings")
                .publishPercentileHistogram()
                .register(registry);
        this.lag = Timer.builder(prefix + ".lag")
                .description("Time from a reading's acceptance to the commit of the batch that " + handled + " it")
                .publishPercentileHistogram()
                .register(registry);
    }

    public void batch(int records) {
        batchSize.record(records);
    }

    /** One record of the committed batch, accepted at {@code acceptedAt}; the batch committed at {@code committed}. */
    public void lag(Instant acceptedAt, Instant committed) {
        lag.record(Math.max(0, Duration.between(acceptedAt, committed).toNanos()), TimeUnit.NANOSECONDS);
    }
}
