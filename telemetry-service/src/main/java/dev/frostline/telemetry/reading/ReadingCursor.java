package dev.frostline.telemetry.reading;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of readings ended. Pages are newest first by (recordedAt, id), so the next page holds
 * the readings strictly before this pair: keyset pagination never skips or repeats a reading when
 * new ones are stored between two requests, as an offset would. Opaque to clients (base64url).
 */
public record ReadingCursor(Instant recordedAt, UUID id) {

    private static final String VERSION = "r1";

    public String encode() {
        String plain = VERSION + "|" + recordedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty unless the text is a cursor this service issued. */
    public static Optional<ReadingCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            return Optional.of(new ReadingCursor(Instant.parse(parts[1]), UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static ReadingCursor of(Reading reading) {
        return new ReadingCursor(reading.recordedAt, reading.id);
    }
}
