package dev.frostline.identity.login;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;

/**
 * Refusal of a login attempt that came too early. One answer for backoff and lockout, for known and
 * unknown emails alike; only Retry-After (and no part of the body) says how long to wait.
 */
public class LoginThrottled extends ProblemException {

    public static final ProblemType LOGIN_THROTTLED =
            new ProblemType("login-throttled", "Too many failed sign-in attempts", 429);

    private final long retryAfterSeconds;

    public LoginThrottled(LoginVerdict.Throttled verdict) {
        super(LOGIN_THROTTLED, "Too many failed sign-in attempts for this account or from this address."
                + " Wait for the number of seconds in the Retry-After header, then try again.");
        this.retryAfterSeconds = verdict.retryAfterSeconds();
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
