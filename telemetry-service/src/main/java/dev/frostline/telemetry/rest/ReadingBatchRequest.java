package dev.frostline.telemetry.rest;

import java.util.List;

/**
 * A batch of 1 to {@link ReadingPayloadReader#MAX_BATCH_SIZE} readings, accepted or refused as a
 * whole. Documents the body shape; {@link ReadingPayloadReader} reads the items one by one so that
 * each unreadable item gets its own error.
 */
public record ReadingBatchRequest(List<ReadingRequest> readings) {
}
