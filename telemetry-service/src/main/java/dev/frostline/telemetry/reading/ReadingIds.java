package dev.frostline.telemetry.reading;

import dev.frostline.contracts.Metric;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Derives a reading's ID from what the reading is, so a device that retries after a timeout gets
 * the same ID, and the store (primary key on it) keeps one copy.
 *
 * <p>A reading with a device message ID is identified by it (with org, unit or sensor, and metric): a device
 * that retries a message without a {@code recordedAt} gets a fresh "now" on every attempt, and the
 * retry must still be recognised. A reading without one is identified by its measurement time.
 */
public final class ReadingIds {

    private ReadingIds() {
    }

    /**
     * @param subjectId what the device named the reading for ({@link ReadingTarget#identifiedBy}):
     *        its sensor, else its unit. Sensor and unit IDs are random UUIDs, so they never collide.
     * @param recordedAt as stored (microsecond precision), so the ID does not depend on how many
     *        fractional digits the device sent
     * @param messageId the device's message ID, or null
     */
    public static UUID of(UUID orgId, UUID subjectId, Metric metric, Instant recordedAt, String messageId) {
        // The distinguishing part is last and the fields before it cannot contain '|', so the
        // encoding is unambiguous; the "msg"/"at" tag keeps the two kinds of identity apart.
        String distinguishing = messageId == null ? "at|" + recordedAt : "msg|" + messageId;
        String identity = String.join("|", orgId.toString(), subjectId.toString(), metric.wireName(), distinguishing);
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
