package dev.frostline.contracts.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is a stable URN that clients may switch on;
 * {@code title} is fixed per type; {@code detail} tells the caller what to change.
 *
 * @param errors per-field or per-item reasons, when the request had several things wrong
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Map<String, Object>> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
