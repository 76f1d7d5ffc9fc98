package dev.frostline.telemetry.service;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;

/** A 503: the request was fine but could not be completed now; the client should retry after a pause. */
public class RetryLaterException extends ProblemException {

    private final int retryAfterSeconds;

    public RetryLaterException(String detail, int retryAfterSeconds) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
