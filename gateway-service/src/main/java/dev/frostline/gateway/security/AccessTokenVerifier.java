package dev.frostline.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Checks an access token's signature (against identity's JWKS), issuer and expiry at the edge.
 * Services check it again; this only spares them traffic that can never be authorized.
 * Runs on the event loop: no I/O except the rare JWKS refresh, which is asynchronous.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final String SIGNATURE_ALGORITHM = "RS256";

    private final JWTParser parser;
    private final SigningKeys keys;
    private final ObjectMapper json;

    public AccessTokenVerifier(JWTParser parser, SigningKeys keys, ObjectMapper json) {
        this.parser = parser;
        this.keys = keys;
        this.json = json;
    }

    public Future<TokenCheck> check(String token) {
        if (token == null) {
            return Future.succeededFuture(new TokenCheck.Rejected("A bearer access token is required."));
        }
        JsonNode header = joseHeader(token);
        if (header == null || !SIGNATURE_ALGORITHM.equals(header.path("alg").asText())) {
            return Future.succeededFuture(invalid());
        }
        String kid = header.hasNonNull("kid") ? header.get("kid").asText() : null;
        return keys.keyFor(kid).map(lookup -> {
            if (lookup instanceof KeyLookup.Found found) {
                return verify(token, found);
            }
            // Java 17: no pattern switch; Unknown and Unavailable are the other two cases.
            return lookup instanceof KeyLookup.Unavailable ? new TokenCheck.KeysUnavailable() : invalid();
        });
    }

    private TokenCheck verify(String token, KeyLookup.Found found) {
        try {
            return new TokenCheck.Valid(parser.verify(token, found.key()));
        } catch (ParseException e) {
            if (e.getCause() instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return new TokenCheck.Rejected("The access token has expired. Obtain a new one from /api/identity/token.");
            }
            return invalid();
        }
    }

    private JsonNode joseHeader(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.indexOf('.', dot + 1) < 0) {
            return null;
        }
        try {
            JsonNode header = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            return header != null && header.isObject() ? header : null;
        } catch (IllegalArgumentException | IOException notJson) {
            return null;
        }
    }

    private static TokenCheck invalid() {
        return new TokenCheck.Rejected("The access token is not valid: it is malformed, expired, "
                + "not signed by Frostline or issued for someone else.");
    }
}
