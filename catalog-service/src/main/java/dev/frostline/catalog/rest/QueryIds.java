package dev.frostline.catalog.rest;

import dev.frostline.support.problem.ProblemException;
import java.util.UUID;

/**
 * Parses optional ID filters of list queries. JAX-RS answers a query parameter it cannot convert
 * with 404, which would tell the caller the path is wrong; a malformed filter is a 400.
 */
final class QueryIds {

    private QueryIds() {
    }

    static UUID optional(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("Query parameter '" + parameter + "' must be a UUID.");
        }
    }
}
