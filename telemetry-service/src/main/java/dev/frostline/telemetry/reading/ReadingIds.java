package dev.frostline.telemetry.reading;

import dev.frostline.contracts.Metric;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Derives a reading's ID from what the reading is, so a device that retries after a timeout gets
 * the same ID, and the store (primary key on it) keeps one copy. Two readings differ in ID exactly
 * when they differ in org, unit, metric, measurement time or the device's message ID.
 */
public final class ReadingIds {

    private ReadingIds() {
    }

    /**
     * @param recordedAt as stored (microsecond precision), so the ID does not depend on how many
     *        fractional digits the device sent
     * @param messageId the device's message ID, or null
     */
    public static UUID of(UUID orgId, UUID unitId, Metric metric, Instant recordedAt, String messageId) {
        // The message ID is last and the fields before it cannot contain '|', so the encoding is unambiguous.
        String identity = String.join("|", orgId.toString(), unitId.toString(), metric.wireName(),
                recordedAt.toString(), messageId == null ? "" : messageId);
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
