package dev.frostline.realtime.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A text frame for the wire, UTF-8 encoded once. An event frame goes to every subscriber of its channel,
 * tens of thousands of sockets: encoding it per socket was most of what each frame cost to write, and
 * most of the garbage the collector had to copy while frames waited to be flushed.
 */
public final class OutboundFrame {

    private final byte[] utf8;

    private OutboundFrame(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** @param utf8 a JSON text, encoded; not copied, so it must not change afterwards */
    public static OutboundFrame ofUtf8(byte[] utf8) {
        return new OutboundFrame(Objects.requireNonNull(utf8, "utf8"));
    }

    public static OutboundFrame of(String text) {
        return new OutboundFrame(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The encoded text, shared by every socket the frame goes to: read it, never write it. */
    public byte[] utf8() {
        return utf8;
    }

    /** Decodes the text anew on every call: for tests and logs, not for the write path. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboundFrame frame && Arrays.equals(utf8, frame.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return text();
    }
}
