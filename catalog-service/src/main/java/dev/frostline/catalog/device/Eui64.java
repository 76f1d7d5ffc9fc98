package dev.frostline.catalog.device;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A LoRaWAN 64-bit identifier (a sensor's DevEUI, a gateway's EUI). Stored as 16 upper-case hex
 * digits, so "70-b3-d5-..." and "70B3D5..." are the same device and collide on the unique index.
 */
public final class Eui64 {

    private static final Pattern CANONICAL = Pattern.compile("[0-9A-F]{16}");

    private Eui64() {
    }

    /** The canonical form of {@code raw} (separators '-' and ':' dropped, upper-cased), or empty. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String eui = raw.strip().replace("-", "").replace(":", "").toUpperCase(Locale.ROOT);
        return CANONICAL.matcher(eui).matches() ? Optional.of(eui) : Optional.empty();
    }
}
