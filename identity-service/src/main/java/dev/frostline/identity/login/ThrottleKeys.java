package dev.frostline.identity.login;

import java.util.Locale;

/** The keys failed logins are counted under. */
public final class ThrottleKeys {

    /** Longer than any valid email; a longer input is cut so a key stays a bounded string. */
    private static final int MAX_SUBJECT = 320;

    private ThrottleKeys() {
    }

    /**
     * Counted whether or not an account exists, so locking reveals nothing. {@code email} is the
     * normalized address when it is valid, else the raw input trimmed and lower-cased.
     */
    public static String account(String email) {
        return "account:" + bounded(email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    public static String address(String clientAddress) {
        return "address:" + bounded(clientAddress == null ? "unknown" : clientAddress);
    }

    private static String bounded(String value) {
        return value.length() > MAX_SUBJECT ? value.substring(0, MAX_SUBJECT) : value;
    }
}
