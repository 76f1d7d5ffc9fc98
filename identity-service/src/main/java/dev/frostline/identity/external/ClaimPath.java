package dev.frostline.identity.external;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dotted path into a token's claims: {@code sub}, {@code app_metadata.org_id},
 * {@code realm_access.roles}. Each segment names a member of the object before it.
 */
public record ClaimPath(List<String> segments) {

    public ClaimPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a claim path needs non-empty segments: " + String.join(".", segments));
        }
    }

    public static ClaimPath parse(String dotted) {
        return new ClaimPath(List.of(dotted.trim().split("\\.", -1)));
    }

    /** The value at this path, as parsed JSON (String, Number, Boolean, List or Map); empty if absent. */
    public Optional<Object> find(Map<String, ?> claims) {
        Object current = claims;
        for (String segment : segments) {
            if (!(current instanceof Map<?, ?> object)) {
                return Optional.empty();
            }
            current = object.get(segment);
        }
        return Optional.ofNullable(current);
    }

    /** The value as text when it is a non-blank string or a number (some issuers use numeric IDs). */
    public Optional<String> findText(Map<String, ?> claims) {
        return find(claims)
                .filter(value -> value instanceof String || value instanceof Number)
                .map(value -> value.toString().trim())
                .filter(text -> !text.isEmpty());
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
