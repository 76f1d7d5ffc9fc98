package dev.frostline.realtime.stream;

import java.util.Objects;

/**
 * The ID of an event frame: its Kafka coordinates, written {@code <topic code>-<partition>-<offset>},
 * e.g. {@code r-3-1042}. Every replica reads the same topics, so an ID means the same record on any of
 * them, and a client that reconnects elsewhere resumes from it. (Not the event's own UUID: that cannot be
 * sought to in Kafka.)
 */
public record EventId(SourcePartition partition, long offset) {

    public EventId {
        Objects.requireNonNull(partition, "partition");
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset);
        }
    }

    public EventId(SourceTopic source, int partition, long offset) {
        this(new SourcePartition(source, partition), offset);
    }

    /** Reads an ID written by {@link #toString()}; throws {@link IllegalArgumentException} for anything else. */
    public static EventId parse(String text) {
        if (text == null || text.length() > 40) {
            throw new IllegalArgumentException("not an event ID");
        }
        String[] parts = text.split("-", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an event ID");
        }
        SourceTopic source = SourceTopic.ofCode(parts[0]);
        if (source == null || !isDigits(parts[1]) || !isDigits(parts[2])) {
            throw new IllegalArgumentException("not an event ID");
        }
        try {
            return new EventId(source, Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an event ID");
        }
    }

    @Override
    public String toString() {
        return partition.source().code() + "-" + partition.partition() + "-" + offset;
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || (text.length() > 1 && text.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
