package dev.frostline.telemetry.reading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A LoRaWAN DevEUI as catalog stores it: 16 upper-case hex digits. Devices and network servers
 * write it in either case, so every DevEUI is normalized here before it is looked up.
 */
public final class DevEui {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-F]{16}");

    private DevEui() {
    }

    /** The normalized DevEUI, or empty when the text is not 16 hex digits. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return FORMAT.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
    }
}
