package dev.frostline.identity.rest;

import java.time.Instant;
import java.util.List;

/**
 * The revocation feed, a contract with the gateway: every access token whose {@code sub} is a
 * listed subject and whose {@code iat} is at or before its {@code revokedBefore} is void. Poll again
 * with {@code since=asOf}.
 */
public record RevocationFeedResponse(Instant asOf, List<Revocation> revocations) {

    public record Revocation(String subject, Instant revokedBefore) {
    }
}
