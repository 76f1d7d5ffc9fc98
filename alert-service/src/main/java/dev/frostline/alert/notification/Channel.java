package dev.frostline.alert.notification;

import java.util.Locale;

/** How a delivery reaches its recipient. */
public enum Channel {
    /** To one member, at the email identity has for them. */
    EMAIL,
    /** To one of the org's webhook endpoints. */
    WEBHOOK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
