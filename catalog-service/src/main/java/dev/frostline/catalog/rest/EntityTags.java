package dev.frostline.catalog.rest;

import dev.frostline.catalog.service.CatalogProblems;
import dev.frostline.support.problem.ProblemException;

/**
 * Strong ETags from entity versions ({@code "3"}), and the If-Match every update must carry. Only a
 * concrete ETag matches; {@code *} or a weak tag never does, because an update must say which state
 * it was based on.
 */
final class EntityTags {

    static final String IF_MATCH = "If-Match";

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version the caller's If-Match names; -1 (matches nothing) for a tag this service never issued. */
    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(CatalogProblems.PRECONDITION_REQUIRED,
                    "Updates need an If-Match header with the ETag of the entity as you last read it.");
        }
        String tag = ifMatch.strip();
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return -1;
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
