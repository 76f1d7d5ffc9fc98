package dev.frostline.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A compact JWS read without checking its signature: only to decide how to check it (which key,
 * which issuer's path). Nothing read here is trusted for access decisions.
 */
record UnverifiedJwt(JsonNode header, JsonNode payload) {

    /** Empty unless the token is three dot-separated parts whose first two are JSON objects. */
    static Optional<UnverifiedJwt> parse(String token, ObjectMapper json) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        JsonNode header = object(token.substring(0, first), json);
        JsonNode payload = object(token.substring(first + 1, second), json);
        return header == null || payload == null ? Optional.empty() : Optional.of(new UnverifiedJwt(header, payload));
    }

    String algorithm() {
        return header.path("alg").asText("");
    }

    /** Null when the token names no key. */
    String keyId() {
        return header.hasNonNull("kid") ? header.get("kid").asText() : null;
    }

    Optional<String> issuer() {
        JsonNode iss = payload.get("iss");
        return iss != null && iss.isTextual() ? Optional.of(iss.asText()) : Optional.empty();
    }

    Optional<Instant> expiresAt() {
        JsonNode exp = payload.get("exp");
        return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }

    private static JsonNode object(String part, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(Base64.getUrlDecoder().decode(part));
            return node != null && node.isObject() ? node : null;
        } catch (IllegalArgumentException | IOException notJson) {
            return null;
        }
    }
}
