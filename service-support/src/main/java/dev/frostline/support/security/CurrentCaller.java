package dev.frostline.support.security;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from its verified access token. */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken jwt;
    private Caller caller;

    public CurrentCaller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Caller get() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    private Caller read() {
        if (jwt == null || jwt.getSubject() == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.");
        }
        try {
            String org = jwt.getClaim(TokenClaims.ORG);
            String role = jwt.getClaim(TokenClaims.ROLE);
            return new Caller(UUID.fromString(jwt.getSubject()), UUID.fromString(org), Role.fromClaim(role),
                    jwt.getClaim(TokenClaims.EMAIL));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "The token lacks a valid org or role claim; sign in again.");
        }
    }
}
