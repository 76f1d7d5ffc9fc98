package dev.frostline.identity.rest;

import dev.frostline.identity.config.OperatorConfig;
import dev.frostline.identity.operator.OperatorToken;
import dev.frostline.identity.service.RevokingSubjects;
import dev.frostline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal: not routed by the gateway; guarded by the operator token, not by a user's JWT. */
@Path("/internal/identity/revocations")
public class RevocationFeedResource {

    private final RevokingSubjects revocations;
    private final OperatorToken operatorToken;

    public RevocationFeedResource(RevokingSubjects revocations, OperatorConfig config) {
        this.revocations = revocations;
        this.operatorToken = new OperatorToken(config.internalToken());
    }

    @GET
    @PermitAll
    @Operation(summary = "Subjects whose access tokens issued at or before revokedBefore are void (for the gateway)")
    public Uni<RevocationFeedResponse> feed(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("since") String since) {
        operatorToken.authorize(authorization);
        return revocations.feed(parseSince(since)).map(feed -> new RevocationFeedResponse(feed.asOf(),
                feed.revocations().stream()
                        .map(r -> new RevocationFeedResponse.Revocation(r.userId.toString(), r.revokedBefore))
                        .toList()));
    }

    private static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.validation("since must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
