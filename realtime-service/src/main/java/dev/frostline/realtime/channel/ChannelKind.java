package dev.frostline.realtime.channel;

import java.util.Locale;

/** The kinds of channel a client may subscribe to; the lower-case name is the wire prefix and the metric label. */
public enum ChannelKind {
    /** Everything of the caller's org. */
    ORG(false),
    /** The events of one site ({@code site:<id>}). */
    SITE(true),
    /** The events of one unit ({@code unit:<id>}). */
    UNIT(true),
    /** Alert events of the caller's org only. */
    ALERTS(false),
    /** Hierarchy changes of the caller's org only. */
    CATALOG(false);

    private final boolean identified;

    ChannelKind(boolean identified) {
        this.identified = identified;
    }

    /** Whether the channel names a site or unit, which must then be checked against the caller's org. */
    public boolean identified() {
        return identified;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
