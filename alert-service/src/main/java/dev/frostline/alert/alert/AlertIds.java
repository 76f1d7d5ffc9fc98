package dev.frostline.alert.alert;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * IDs derived from the reading that caused them. A redelivered reading derives the same alert and
 * event IDs, so even if it got past every other guard it could not make a second alert or a
 * second distinct event.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static UUID alertId(UUID triggeringReadingId) {
        return derive("alert:", triggeringReadingId);
    }

    public static UUID openedEventId(UUID triggeringReadingId) {
        return derive("alert-opened:", triggeringReadingId);
    }

    public static UUID resolvedEventId(UUID resolvingReadingId) {
        return derive("alert-resolved:", resolvingReadingId);
    }

    private static UUID derive(String kind, UUID readingId) {
        return UUID.nameUUIDFromBytes((kind + readingId).getBytes(StandardCharsets.UTF_8));
    }
}
