package dev.frostline.identity.rest;

import dev.frostline.identity.service.RevokingSubjects;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, on every authenticated endpoint of identity, a valid access token whose user has been
 * deleted since it was issued (401, like any bad token). In memory: no query per request.
 */
@ApplicationScoped
public class RevokedSubjectCheck implements SecurityIdentityAugmentor {

    private final RevokingSubjects revocations;

    public RevokedSubjectCheck(RevokingSubjects revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && revocations.isRevoked(token.getSubject(), token.getIssuedAtTime())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token's subject was revoked"));
        }
        return Uni.createFrom().item(identity);
    }
}
