package dev.frostline.catalog.service;

import dev.frostline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Device identifiers are unique across every org. A pre-check answers the common case; the unique
 * index answers the race of two registrations at once, with the same problem.
 */
final class DuplicateIdentifiers {

    private static final String UNIQUE_VIOLATION = "23505";

    private DuplicateIdentifiers() {
    }

    static <T> Uni<T> refuse(Uni<T> write, Supplier<ProblemException> duplicate) {
        return write.onFailure(DuplicateIdentifiers::isUniqueViolation).transform(e -> duplicate.get());
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains(UNIQUE_VIOLATION)) {
                return true;
            }
        }
        return false;
    }
}
