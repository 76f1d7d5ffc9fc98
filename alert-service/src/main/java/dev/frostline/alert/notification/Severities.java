package dev.frostline.alert.notification;

import dev.frostline.alert.rule.Severity;
import dev.frostline.support.problem.ProblemException;
import java.util.Locale;

/** {@link Severity} in the lower-case form of the notification tables and API. */
public final class Severities {

    private Severities() {
    }

    /** Reads a stored value; the tables' check constraints admit only known ones. */
    public static Severity fromColumn(String value) {
        return Severity.valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Reads a client's value: anything but warning or critical is a 400. */
    public static Severity parse(String field, String value) {
        if (value != null) {
            for (Severity severity : Severity.values()) {
                if (severity.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return severity;
                }
            }
        }
        throw ProblemException.validation(field + " must be one of: warning, critical");
    }

    /** Whether a notice of {@code severity} passes a recipient's minimum. */
    public static boolean reaches(Severity severity, Severity minimum) {
        return severity.compareTo(minimum) >= 0;
    }
}
