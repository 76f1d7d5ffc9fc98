package dev.frostline.catalog.listing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page starts: just after the item with this sort key and ID. Keyset pagination on
 * (key, id) never skips or repeats an item when others are inserted between two page requests, as
 * an offset would. Opaque to clients; it carries its sort so it cannot be replayed under another.
 */
public record Cursor(String sort, String key, UUID id) {

    private static final String VERSION = "c1";

    public String encode() {
        // The key goes last and the split stops before it: a name may itself contain line breaks.
        String plain = String.join("\n", VERSION, sort, id.toString(), key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the text is not a cursor this service issued for {@code sort} */
    public static Cursor decode(String text, ListSort sort) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8).split("\n", 4);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not valid; pass nextCursor from a previous page unchanged");
        }
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("cursor is not valid; pass nextCursor from a previous page unchanged");
        }
        if (!parts[1].equals(sort.wire())) {
            throw new IllegalArgumentException("cursor belongs to sort=" + parts[1] + ", not sort=" + sort.wire());
        }
        try {
            sort.key().parseKey(parts[3]);
            return new Cursor(parts[1], parts[3], UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not valid; pass nextCursor from a previous page unchanged");
        }
    }
}
