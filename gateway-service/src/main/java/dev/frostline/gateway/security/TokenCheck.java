package dev.frostline.gateway.security;

import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The outcome of checking a request's access token at the edge. */
public sealed interface TokenCheck {

    /**
     * A verified Frostline access token. {@code exchangedFor} holds it in compact form when the
     * client presented another issuer's token: that one must then be replaced before forwarding.
     */
    record Valid(JsonWebToken token, Optional<String> exchangedFor) implements TokenCheck {
    }

    /** The caller's fault: no token, or one that is malformed, forged, expired, revoked or from another issuer. */
    record Rejected(String detail) implements TokenCheck {
    }

    /** Not the caller's fault: identity's signing keys (or its token exchange) could not be reached. */
    record IdentityUnavailable() implements TokenCheck {
    }
}
