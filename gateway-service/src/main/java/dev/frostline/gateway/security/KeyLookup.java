package dev.frostline.gateway.security;

import java.security.PublicKey;

/** What the JWKS knows about a token's {@code kid}. */
sealed interface KeyLookup {

    record Found(PublicKey key) implements KeyLookup {
    }

    record Unknown() implements KeyLookup {
    }

    /** The JWKS has never been fetched, so no answer is possible. */
    record Unavailable() implements KeyLookup {
    }
}
