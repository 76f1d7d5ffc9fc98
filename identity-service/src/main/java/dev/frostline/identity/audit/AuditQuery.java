package dev.frostline.identity.audit;

import dev.frostline.support.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * One page request against an organization's audit log. Every filter is optional.
 *
 * @param from inclusive lower bound of occurredAt
 * @param to exclusive upper bound of occurredAt
 * @param before the cursor of the previous page, or null for the newest events
 */
public record AuditQuery(AuditAction action, UUID actorId, Instant from, Instant to, int limit, AuditCursor before) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Parses query parameters as clients send them; anything unreadable is a 400 naming the parameter. */
    public static AuditQuery parse(String action, String actorId, String from, String to, String limit, String before) {
        Instant fromTime = blank(from) ? null : instant("from", from);
        Instant toTime = blank(to) ? null : instant("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw ProblemException.validation("from must be before to");
        }
        return new AuditQuery(blank(action) ? null : action(action), blank(actorId) ? null : uuid(actorId), fromTime,
                toTime, blank(limit) ? DEFAULT_LIMIT : limit(limit), blank(before) ? null : AuditCursor.decode(before));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static AuditAction action(String value) {
        try {
            return AuditAction.fromValue(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("action '" + value + "' is not an audit action, such as login_failed");
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("actorId must be a UUID");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ProblemException.validation("limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
