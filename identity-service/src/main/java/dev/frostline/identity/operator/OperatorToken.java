package dev.frostline.identity.operator;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The shared secret that opens identity's operator endpoints (/internal/identity/**, which the
 * gateway never routes). Compared in constant time: both sides are hashed to equal-length digests
 * first, so neither content nor length leaks through timing. Without a configured secret the
 * endpoints do not exist (404).
 */
public final class OperatorToken {

    private static final String BEARER = "Bearer ";

    private final byte[] expectedDigest;

    public OperatorToken(Optional<String> secret) {
        this.expectedDigest = secret.filter(s -> !s.isBlank()).map(OperatorToken::digest).orElse(null);
    }

    public boolean enabled() {
        return expectedDigest != null;
    }

    /** @throws ProblemException 404 when disabled, 401 when the header does not carry the secret */
    public void authorize(String authorizationHeader) {
        if (expectedDigest == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No resource at this path.");
        }
        String presented = authorizationHeader != null && authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorizationHeader.substring(BEARER.length()).trim()
                : "";
        if (!MessageDigest.isEqual(digest(presented), expectedDigest)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "Send the operator token (FROSTLINE_INTERNAL_TOKEN) as 'Authorization: Bearer <token>'.");
        }
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
