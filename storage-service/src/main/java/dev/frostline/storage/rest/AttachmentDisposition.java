package dev.frostline.storage.rest;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a user-chosen file name (RFC 6266): a plain ASCII
 * {@code filename} for old clients, and the exact name as UTF-8 in {@code filename*} (RFC 8187),
 * which current clients prefer. Nothing from the name can end the header or add a parameter.
 */
public final class AttachmentDisposition {

    private static final String ATTR_CHAR_SYMBOLS = "!#$&+-.^_`|~";

    private AttachmentDisposition() {
    }

    public static String of(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    /** Printable ASCII kept; quotes, backslashes, '%' (which some clients decode) and the rest become '_'. */
    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean safe = c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' && c != '%';
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++; // one replacement per character, not per UTF-16 unit
            }
            out.append(safe ? c : '_');
        }
        return out.toString();
    }

    static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATTR_CHAR_SYMBOLS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
