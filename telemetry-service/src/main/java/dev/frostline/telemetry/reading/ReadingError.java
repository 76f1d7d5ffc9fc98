package dev.frostline.telemetry.reading;

/**
 * Why the reading at {@code index} of a request cannot be accepted.
 *
 * @param field the offending field, or null when the item as a whole is unusable
 */
public record ReadingError(int index, String field, String reason) {
}
