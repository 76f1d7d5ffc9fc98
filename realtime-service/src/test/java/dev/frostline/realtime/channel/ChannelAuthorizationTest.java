package dev.frostline.realtime.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelAuthorizationTest {

    private final UUID org = UUID.randomUUID();
    private final UUID otherOrg = UUID.randomUUID();
    private final UUID liveUnit = UUID.randomUUID();
    private final UUID liveSite = UUID.randomUUID();
    private final UUID otherOrgsUnit = UUID.randomUUID();

    /** What the projection holds: one live unit in one live site of {@code org}, one unit of another org. */
    private final ChannelAuthorization authorization = new ChannelAuthorization(new ChannelAuthorization.Directory() {
        @Override
        public Uni<Boolean> isLiveUnitOf(UUID unitId, UUID orgId) {
            return Uni.createFrom().item(orgId.equals(org) && unitId.equals(liveUnit)
                    || orgId.equals(otherOrg) && unitId.equals(otherOrgsUnit));
        }

        @Override
        public Uni<Boolean> isLiveSiteOf(UUID siteId, UUID orgId) {
            return Uni.createFrom().item(orgId.equals(org) && siteId.equals(liveSite));
        }
    });

    @Test
    void theOrgWideChannelsAreOpenToEveryMember() {
        for (Channel channel : Set.of(Channel.ORG, Channel.ALERTS, Channel.CATALOG)) {
            assertThat(mayWatch(org, channel)).as(channel.toString()).isTrue();
        }
    }

    @Test
    void aLiveSiteOrUnitOfTheCallersOrgMayBeWatched() {
        assertThat(mayWatch(org, Channel.unit(liveUnit))).isTrue();
        assertThat(mayWatch(org, Channel.site(liveSite))).isTrue();
    }

    @Test
    void anotherOrgsUnitAndAnUnknownOneAreRefusedAlike() {
        assertThat(mayWatch(org, Channel.unit(otherOrgsUnit))).isFalse();
        assertThat(mayWatch(org, Channel.unit(UUID.randomUUID()))).isFalse();
        assertThat(mayWatch(otherOrg, Channel.site(liveSite))).isFalse();
    }

    private boolean mayWatch(UUID callerOrg, Channel channel) {
        return authorization.mayWatch(callerOrg, channel).await().indefinitely();
    }
}
