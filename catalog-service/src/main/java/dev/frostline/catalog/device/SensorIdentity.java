package dev.frostline.catalog.device;

import java.util.regex.Pattern;

/**
 * How a sensor is known platform-wide: exactly one of a DevEUI (LoRaWAN devices) or a vendor serial.
 *
 * @throws IllegalArgumentException from the constructor when neither or both are given or one is malformed
 */
public record SensorIdentity(String devEui, String serial) {

    public static final int SERIAL_MAX_LENGTH = 64;
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9._:/-]{1," + SERIAL_MAX_LENGTH + "}");

    public SensorIdentity {
        boolean hasEui = devEui != null && !devEui.isBlank();
        boolean hasSerial = serial != null && !serial.isBlank();
        if (hasEui == hasSerial) {
            throw new IllegalArgumentException("give exactly one of devEui or serial");
        }
        if (hasEui) {
            String raw = devEui;
            devEui = Eui64.normalize(devEui).orElseThrow(() -> new IllegalArgumentException(
                    "devEui '" + raw + "' must be 16 hex digits (separators - and : are allowed)"));
            serial = null;
        } else {
            serial = serial.strip();
            if (!SERIAL.matcher(serial).matches()) {
                throw new IllegalArgumentException("serial must be 1 to " + SERIAL_MAX_LENGTH
                        + " letters, digits or . _ : / -");
            }
            devEui = null;
        }
    }

    /** For the duplicate problem: says which identifier is taken, never by whom. */
    public String describe() {
        return devEui != null ? "DevEUI " + devEui : "serial " + serial;
    }
}
