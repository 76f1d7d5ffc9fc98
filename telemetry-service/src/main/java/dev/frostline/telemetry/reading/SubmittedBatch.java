package dev.frostline.telemetry.reading;

import java.util.List;

/**
 * The readings of one ingest request, in request order.
 *
 * @param readings one entry per item; null where the item could not be read at all
 * @param unreadable why those items could not be read
 */
public record SubmittedBatch(List<SubmittedReading> readings, List<ReadingError> unreadable) {

    public int size() {
        return readings.size();
    }
}
