package dev.frostline.realtime.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.realtime.resume.ReplayedUpTo;
import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourcePartition;
import dev.frostline.realtime.stream.SourceTopic;
import dev.frostline.realtime.stream.StreamEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private final UUID org = UUID.randomUUID();
    private final FakeClient client = new FakeClient(org);
    private final OrgChannel channel = new OrgChannel(org, Channel.ORG);

    @Test
    void aLiveSubscriptionPassesEveryFrameStraightThrough() {
        Subscription live = Subscription.live("s", channel, client);

        live.deliver(OutboundFrame.of("f1"), event(3, 10));

        assertThat(client.frames).containsExactly(OutboundFrame.of("f1"));
    }

    @Test
    void whileResumingLiveFramesWaitAndThoseTheReplayCoveredAreDroppedWhenItGoesLive() {
        Subscription resuming = Subscription.resuming("s", channel, client, 100);
        resuming.deliver(OutboundFrame.of("r3-10"), event(3, 10));
        resuming.deliver(OutboundFrame.of("r3-11"), event(3, 11));
        resuming.deliver(OutboundFrame.of("r1-5"), event(1, 5));
        resuming.deliver(OutboundFrame.of("r3-12"), event(3, 12));
        assertThat(client.frames).isEmpty();

        // The replay read partition 3 up to offset 12 (exclusive) and partition 1 up to 5.
        resuming.goLive(new ReplayedUpTo(Map.of(partition(3), 12L, partition(1), 5L)));
        resuming.deliver(OutboundFrame.of("r3-13"), event(3, 13));

        assertThat(client.frames)
                .containsExactly(OutboundFrame.of("r1-5"), OutboundFrame.of("r3-12"), OutboundFrame.of("r3-13"));
        assertThat(resuming.isResuming()).isFalse();
    }

    @Test
    void aResumingSubscriptionWhoseBufferOverflowsDisconnectsItsClientAsSlow() {
        Subscription resuming = Subscription.resuming("s", channel, client, 2);

        resuming.deliver(OutboundFrame.of("1"), event(0, 1));
        resuming.deliver(OutboundFrame.of("2"), event(0, 2));
        resuming.deliver(OutboundFrame.of("3"), event(0, 3));

        assertThat(client.disconnectedAsSlow).isTrue();
    }

    private static SourcePartition partition(int partition) {
        return new SourcePartition(SourceTopic.READINGS, partition);
    }

    private StreamEvent event(int partition, long offset) {
        return new StreamEvent(new EventId(partition(partition), offset), 1, new ReadingRecorded(UUID.randomUUID(), org,
                null, UUID.randomUUID(), "temperature_c", 1.0, Instant.EPOCH, Instant.EPOCH));
    }
}
