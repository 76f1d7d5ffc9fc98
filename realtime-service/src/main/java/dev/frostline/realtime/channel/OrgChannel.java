package dev.frostline.realtime.channel;

import java.util.Objects;
import java.util.UUID;

/** A channel of one org: the key of the subscription index, so events never cross orgs by construction. */
public record OrgChannel(UUID orgId, Channel channel) {
    public OrgChannel {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(channel, "channel");
    }
}
