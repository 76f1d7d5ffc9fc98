package dev.frostline.support.problem;

import dev.frostline.contracts.problems.ProblemType;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on. Domain code throws it (or a subclass); the one
 * {@link ProblemExceptionMappers} turns it into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Map<String, Object>> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<Map<String, Object>> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public ProblemType type() {
        return type;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }

    /** The one way every service says "not yours or not there": tenancy never reveals which. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " was not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException validation(String detail) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }
}
