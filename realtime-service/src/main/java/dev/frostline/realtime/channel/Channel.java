package dev.frostline.realtime.channel;

import java.util.Objects;
import java.util.UUID;

/**
 * A channel as a client names it: {@code org}, {@code alerts}, {@code catalog}, {@code site:<uuid>} or
 * {@code unit:<uuid>}. A channel never names an org: it always means "of the caller's org", which is why
 * the subscription index keys on {@link OrgChannel}.
 *
 * @param id the site or unit, for {@link ChannelKind#identified()} kinds; null otherwise
 */
public record Channel(ChannelKind kind, UUID id) {

    public static final Channel ORG = new Channel(ChannelKind.ORG, null);
    public static final Channel ALERTS = new Channel(ChannelKind.ALERTS, null);
    public static final Channel CATALOG = new Channel(ChannelKind.CATALOG, null);

    public Channel {
        Objects.requireNonNull(kind, "kind");
        if (kind.identified() != (id != null)) {
            throw new IllegalArgumentException(kind.wireName() + (id == null ? " needs an id" : " takes no id"));
        }
    }

    public static Channel site(UUID siteId) {
        return new Channel(ChannelKind.SITE, siteId);
    }

    public static Channel unit(UUID unitId) {
        return new Channel(ChannelKind.UNIT, unitId);
    }

    /** Reads a channel name; throws {@link InvalidChannelException} for anything else, case and all. */
    public static Channel parse(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidChannelException("channel is missing");
        }
        int colon = name.indexOf(':');
        String kindName = colon < 0 ? name : name.substring(0, colon);
        ChannelKind kind = null;
        for (ChannelKind candidate : ChannelKind.values()) {
            if (candidate.wireName().equals(kindName)) {
                kind = candidate;
            }
        }
        if (kind == null) {
            throw new InvalidChannelException("unknown channel '" + abbreviated(name)
                    + "'; expected org, alerts, catalog, site:<id> or unit:<id>");
        }
        if (!kind.identified()) {
            if (colon >= 0) {
                throw new InvalidChannelException(kindName + " takes no id");
            }
            return new Channel(kind, null);
        }
        if (colon < 0) {
            throw new InvalidChannelException(kindName + " needs an id: " + kindName + ":<uuid>");
        }
        String id = name.substring(colon + 1);
        try {
            UUID uuid = UUID.fromString(id);
            // UUID.fromString accepts unpadded forms ("1-1-1-1-1"); a channel has exactly one spelling.
            if (!uuid.toString().equals(id)) {
                throw new IllegalArgumentException("not canonical");
            }
            return new Channel(kind, uuid);
        } catch (IllegalArgumentException e) {
            throw new InvalidChannelException("'" + abbreviated(id) + "' is not a lower-case UUID");
        }
    }

    /** The wire name, the inverse of {@link #parse(String)}. */
    @Override
    public String toString() {
        return id == null ? kind.wireName() : kind.wireName() + ":" + id;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
