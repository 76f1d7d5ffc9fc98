package dev.frostline.contracts.problems;

/**
 * The problem types every service can answer with. A service adds its own by creating a
 * {@code ProblemType} constant in its domain; the URN scheme is shared so clients see one family.
 */
public record ProblemType(String slug, String title, int status) {

    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", "Malformed request body", 400);
    public static final ProblemType VALIDATION_FAILED = new ProblemType("validation-failed", "Request validation failed", 400);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", "Authentication required", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Not allowed for your role", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Resource not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType CONFLICT = new ProblemType("conflict", "Conflict with the current state", 409);
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", "Request body too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", "Service temporarily unavailable", 503);
    public static final ProblemType INTERNAL = new ProblemType("internal-error", "Internal error", 500);

    private static final String URN_PREFIX = "urn:frostline:problem:";

    public String uri() {
        return URN_PREFIX + slug;
    }
}
