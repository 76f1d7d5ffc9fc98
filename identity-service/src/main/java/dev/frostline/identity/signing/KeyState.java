package dev.frostline.identity.signing;

import java.util.Locale;

/** Where a key is in its life; every state but RETIRED is published in the JWKS. */
public enum KeyState {
    /** Published, not signing yet: verifiers learn it before the first token it signs. */
    PENDING,
    /** Signs new tokens. */
    CURRENT,
    /** Superseded; published until the tokens it signed have expired. */
    PREVIOUS,
    RETIRED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
