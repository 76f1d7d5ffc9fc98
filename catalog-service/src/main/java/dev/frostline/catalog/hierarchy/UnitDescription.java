package dev.frostline.catalog.hierarchy;

/** A unit's optional free-text description: at most {@value #MAX_LENGTH} characters, blank means none. */
public final class UnitDescription {

    public static final int MAX_LENGTH = 2000;

    private UnitDescription() {
    }

    public static boolean isValid(String raw) {
        if (raw == null) {
            return true;
        }
        String description = raw.strip();
        return description.codePointCount(0, description.length()) <= MAX_LENGTH;
    }

    /** The stored form: stripped, or null when absent or blank. */
    public static String normalize(String raw) {
        if (!isValid(raw)) {
            throw new IllegalArgumentException("description must be at most " + MAX_LENGTH + " characters");
        }
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.strip();
    }
}
