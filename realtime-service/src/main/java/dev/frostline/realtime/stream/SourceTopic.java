package dev.frostline.realtime.stream;

import dev.frostline.contracts.Topics;

/**
 * The topics realtime delivers from, each with the one-letter code that starts its event IDs. The
 * declaration order is also the tie-break of the cross-partition replay order (see {@code ResumePoint}):
 * never reorder, only append.
 */
public enum SourceTopic {
    READINGS("r", Topics.READINGS),
    ALERTS("a", Topics.ALERTS),
    CATALOG_CHANGES("c", Topics.CATALOG_CHANGES);

    private final String code;
    private final String topic;

    SourceTopic(String code, String topic) {
        this.code = code;
        this.topic = topic;
    }

    public String code() {
        return code;
    }

    public String topic() {
        return topic;
    }

    /** The source of a code, or null. */
    public static SourceTopic ofCode(String code) {
        for (SourceTopic source : values()) {
            if (source.code.equals(code)) {
                return source;
            }
        }
        return null;
    }

    public static SourceTopic ofTopic(String topic) {
        for (SourceTopic source : values()) {
            if (source.topic.equals(topic)) {
                return source;
            }
        }
        throw new IllegalArgumentException("not a realtime source topic: " + topic);
    }
}
