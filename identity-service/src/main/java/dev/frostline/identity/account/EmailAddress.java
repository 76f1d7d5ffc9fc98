package dev.frostline.identity.account;

import dev.frostline.support.problem.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email in the one form it is stored and compared in: trimmed and lower case. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    public static String normalize(String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_LENGTH || !SHAPE.matcher(email).matches()) {
            throw ProblemException.validation("email must be a valid address of at most " + MAX_LENGTH + " characters");
        }
        return email;
    }
}
