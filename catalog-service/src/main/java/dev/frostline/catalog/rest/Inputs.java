package dev.frostline.catalog.rest;

import dev.frostline.support.problem.ProblemException;
import java.util.function.Supplier;

/** Builds a domain value from request fields; a rule it breaks becomes a 400 with the rule's own message. */
final class Inputs {

    private Inputs() {
    }

    static <T> T valid(Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(e.getMessage());
        }
    }
}
