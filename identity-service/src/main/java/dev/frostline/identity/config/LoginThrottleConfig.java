package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Limits on failed logins; see {@link dev.frostline.identity.login.LoginThrottlePolicy}. */
@ConfigMapping(prefix = "frostline.identity.login")
public interface LoginThrottleConfig {

    /** Failures per account before each further attempt has to wait. */
    int freeFailures();

    /** The wait after the first failure past the free ones; it doubles with each further failure. */
    Duration backoffBase();

    /** The longest wait backoff imposes (the lockout can be longer). */
    Duration backoffMax();

    /** Failures per account within the window that lock it. */
    int maxFailures();

    /** Failures per client address within the window that lock the address (password spraying). */
    int addressMaxFailures();

    /** Failures older than this are forgotten. */
    Duration window();

    /** How long a locked account or address is refused, even with the right password. */
    Duration lockout();
}
