package dev.frostline.catalog.hierarchy;

/**
 * The one rule for the name of a site, area or unit: 1 to {@value #MAX_LENGTH} characters once
 * surrounding whitespace is stripped. Characters are Unicode code points, as PostgreSQL's
 * {@code char_length} in the table checks counts them.
 */
public final class CatalogName {

    public static final int MAX_LENGTH = 200;

    private CatalogName() {
    }

    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String name = raw.strip();
        int length = name.codePointCount(0, name.length());
        return length >= 1 && length <= MAX_LENGTH;
    }

    /** The stored form of a name. The REST layer has already refused invalid names with a 400. */
    public static String normalize(String raw) {
        if (!isValid(raw)) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_LENGTH + " characters after trimming");
        }
        return raw.strip();
    }
}
