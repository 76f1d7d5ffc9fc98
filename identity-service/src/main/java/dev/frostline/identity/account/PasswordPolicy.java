package dev.frostline.identity.account;

import dev.frostline.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt reads at most 72 bytes and silently ignores the rest, so a longer password would be
 * accepted with its tail ignored. The maximum stays below that limit rather than on it, so that no
 * password ever comes near the bytes bcrypt drops. It is in bytes because UTF-8 characters can take four.
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 10;
    public static final int MAX_BYTES = 64;

    private PasswordPolicy() {
    }

    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw ProblemException.validation("password must have at least " + MIN_CHARACTERS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.validation("password must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
    }
}
