package dev.frostline.storage.file;

import dev.frostline.support.problem.ProblemException;

/**
 * The rules for a file's display name. It is shown to people and sent back in Content-Disposition,
 * never used as a path, but a name with path separators or control characters would be unsafe for
 * whoever saves the download, so such names are refused rather than silently rewritten.
 */
public final class FileName {

    public static final int MAX_LENGTH = 255;

    private FileName() {
    }

    /** Returns the name unchanged if it is acceptable; otherwise throws a validation problem. */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.validation("Query parameter 'name' is required: the file's name, e.g. name=certificate.pdf");
        }
        if (name.length() > MAX_LENGTH) {
            throw ProblemException.validation("The file name must be at most " + MAX_LENGTH + " characters.");
        }
        if (name.equals(".") || name.equals("..")) {
            throw ProblemException.validation("The file name must not be '.' or '..'.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw ProblemException.validation("The file name must not contain '/' or '\\'.");
            }
            if (Character.isISOControl(c)) {
                throw ProblemException.validation("The file name must not contain control characters.");
            }
        }
        return name;
    }
}
