package dev.frostline.gateway.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The outcome of checking a request's access token at the edge. */
public sealed interface TokenCheck {

    record Valid(JsonWebToken token) implements TokenCheck {
    }

    /** The caller's fault: no token, or one that is malformed, forged, expired or from another issuer. */
    record Rejected(String detail) implements TokenCheck {
    }

    /** Not the caller's fault: identity's signing keys could never be fetched. */
    record KeysUnavailable() implements TokenCheck {
    }
}
