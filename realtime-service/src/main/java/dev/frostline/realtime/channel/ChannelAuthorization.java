package dev.frostline.realtime.channel;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Who may watch a channel. org, alerts and catalog always mean the caller's own org, so any member may
 * watch them. site:&lt;id&gt; and unit:&lt;id&gt; only while that site or unit is live in the caller's org:
 * another org's, a deleted one and an unknown one are all refused alike. Every role, viewer upwards, may
 * watch everything of its org: watching is reading, and the socket offers nothing more.
 */
public final class ChannelAuthorization {

    /** What the catalog projection knows, without calling catalog. */
    public interface Directory {
        Uni<Boolean> isLiveUnitOf(UUID unitId, UUID orgId);

        /** A site is known through its units: one with no live unit is unknown here. */
        Uni<Boolean> isLiveSiteOf(UUID siteId, UUID orgId);
    }

    private final Directory directory;

    public ChannelAuthorization(Directory directory) {
        this.directory = directory;
    }

    public Uni<Boolean> mayWatch(UUID callerOrg, Channel channel) {
        switch (channel.kind()) {
            case SITE:
                return directory.isLiveSiteOf(channel.id(), callerOrg);
            case UNIT:
                return directory.isLiveUnitOf(channel.id(), callerOrg);
            case ORG:
            case ALERTS:
            case CATALOG:
                return Uni.createFrom().item(true);
            default:
                throw new IllegalArgumentException("unknown channel kind " + channel.kind());
        }
    }
}
