package dev.frostline.identity.login;

import java.time.Duration;

/** Whether a login attempt may be checked against the password at all. */
public sealed interface LoginVerdict {

    LoginVerdict ALLOWED = new Allowed();

    record Allowed() implements LoginVerdict {
    }

    /** Too early: backoff or lockout. Both look the same to the client, apart from how long to wait. */
    record Throttled(Duration retryAfter) implements LoginVerdict {

        /** Whole seconds, rounded up, at least one: what the Retry-After header carries. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }

    /** The stricter of two verdicts: throttled beats allowed, and the longer wait wins. */
    static LoginVerdict strictest(LoginVerdict a, LoginVerdict b) {
        if (a instanceof Throttled ta && b instanceof Throttled tb) {
            return ta.retryAfter().compareTo(tb.retryAfter()) >= 0 ? ta : tb;
        }
        return a instanceof Throttled ? a : b;
    }
}
