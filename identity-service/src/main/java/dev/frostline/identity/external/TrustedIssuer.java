package dev.frostline.identity.external;

import java.util.Optional;

/** One configured issuer: what its tokens must say, where its keys are, how to read its claims. */
record TrustedIssuer(String name, String issuer, Optional<String> audience, IssuerKeys keys, ClaimMapping claims,
        boolean provision) {
}
