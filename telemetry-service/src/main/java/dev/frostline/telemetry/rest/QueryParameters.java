package dev.frostline.telemetry.rest;

import dev.frostline.contracts.Metric;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.telemetry.aggregate.Bucket;
import dev.frostline.telemetry.reading.ReadingCursor;
import dev.frostline.telemetry.reading.ReadingWindow;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses the query parameters of the reading queries, collecting every problem so that one 400
 * validation-failed lists them all (each as {field, reason}).
 *
 * <p>Parameters arrive as strings and are parsed here: a JAX-RS conversion failure of a query
 * parameter would answer 404, and a caller who mistyped a date deserves a 400 that says so.
 */
final class QueryParameters {

    private final List<Map<String, Object>> errors = new ArrayList<>();

    /** The parameters of a page of raw readings; every one is optional. */
    static ReadingWindow readingWindow(String metric, String from, String to, String limit, String cursor) {
        QueryParameters parameters = new QueryParameters();
        Metric parsedMetric = parameters.metric(metric, false);
        Instant parsedFrom = parameters.instant("from", from, false);
        Instant parsedTo = parameters.instant("to", to, false);
        parameters.requireOrdered(parsedFrom, parsedTo);
        int parsedLimit = parameters.limit(limit, ReadingWindow.DEFAULT_LIMIT, ReadingWindow.MAX_LIMIT);
        ReadingCursor after = parameters.cursor(cursor);
        parameters.throwIfInvalid();
        return new ReadingWindow(parsedMetric, parsedFrom, parsedTo, parsedLimit, after);
    }

    /** Null when absent and not required. */
    Metric metric(String value, boolean required) {
        if (value == null) {
            if (required) {
                error("metric", "is required");
            }
            return null;
        }
        Metric metric = Metric.fromWireName(value).orElse(null);
        if (metric == null) {
            error("metric", "is not a known metric");
        }
        return metric;
    }

    /** Null when absent and not required. */
    Instant instant(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                error(field, "is required, as an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            error(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            return null;
        }
    }

    /** {@code from} inclusive, {@code to} exclusive: an empty or reversed range is a mistake. */
    void requireOrdered(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            error("to", "must be after from");
        }
    }

    int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > maxLimit) {
            error("limit", "must be a whole number from 1 to " + maxLimit);
        }
        return limit;
    }

    /** Null when absent. */
    ReadingCursor cursor(String value) {
        if (value == null) {
            return null;
        }
        return ReadingCursor.decode(value).orElseGet(() -> {
            error("cursor", "is not valid; pass nextCursor of a previous page unchanged");
            return null;
        });
    }

    Bucket bucket(String value) {
        if (value == null) {
            error("bucket", "is required, one of " + Bucket.wireNames());
            return null;
        }
        return Bucket.fromWireName(value).orElseGet(() -> {
            error("bucket", "must be one of " + Bucket.wireNames());
            return null;
        });
    }

    /** A 400 validation-failed problem listing every bad parameter, if there is one. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.get("field") + " " + e.get("reason"))
                    .collect(Collectors.joining("; "));
            throw new ProblemException(ProblemType.VALIDATION_FAILED, detail, errors);
        }
    }

    private void error(String field, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        errors.add(error);
    }
}
