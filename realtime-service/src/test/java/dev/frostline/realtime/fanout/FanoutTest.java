package dev.frostline.realtime.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.PlatformEvent;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.metrics.RealtimeMetrics;
import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourceTopic;
import dev.frostline.realtime.stream.StreamEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FanoutTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SubscriptionIndex index = new SubscriptionIndex(new RealtimeMetrics(meters));
    private final AtomicLong offsets = new AtomicLong();
    private final Fanout fanout = new Fanout(index, new EventFrameWriter(mapper) {
        @Override
        public OutboundFrame write(Channel channel, StreamEvent event) {
            serializations.incrementAndGet();
            return super.write(channel, event);
        }
    });
    private final AtomicLong serializations = new AtomicLong();

    private final UUID orgA = UUID.randomUUID();
    private final UUID orgB = UUID.randomUUID();
    private final UUID site = UUID.randomUUID();
    private final UUID unit = UUID.randomUUID();

    @Test
    void anEventReachesTheSubscribersOfItsChannelsAndNobodyElse() {
        FakeClient orgWide = subscribe(orgA, Channel.ORG);
        FakeClient ofTheUnit = subscribe(orgA, Channel.unit(unit));
        FakeClient ofAnotherUnit = subscribe(orgA, Channel.unit(UUID.randomUUID()));
        FakeClient ofAlerts = subscribe(orgA, Channel.ALERTS);
        FakeClient otherOrgSameUnit = subscribe(orgB, Channel.unit(unit));
        FakeClient otherOrg = subscribe(orgB, Channel.ORG);

        int queued = fanout.publish(reading(orgA));

        assertThat(queued).isEqualTo(2);
        assertThat(orgWide.frames).hasSize(1);
        assertThat(ofTheUnit.frames).hasSize(1);
        assertThat(ofAnotherUnit.frames).isEmpty();
        assertThat(ofAlerts.frames).isEmpty();
        assertThat(otherOrgSameUnit.frames).isEmpty();
        assertThat(otherOrg.frames).isEmpty();
    }

    @Test
    void theFrameIsSerializedOncePerChannelAndTheSameStringIsQueuedOnEverySubscriber() {
        FakeClient a1 = subscribe(orgA, Channel.ORG);
        FakeClient a2 = subscribe(orgA, Channel.ORG);
        FakeClient s1 = subscribe(orgA, Channel.site(site));
        FakeClient s2 = subscribe(orgA, Channel.site(site));

        fanout.publish(reading(orgA));

        assertThat(serializations).hasValue(2);
        assertThat(a1.frames.get(0)).isSameAs(a2.frames.get(0));
        assertThat(s1.frames.get(0)).isSameAs(s2.frames.get(0));
    }

    @Test
    void nothingIsSerializedForAChannelWithoutSubscribers() {
        fanout.publish(reading(orgA));

        assertThat(serializations).hasValue(0);
    }

    @Test
    void theFrameNamesItsChannelTheEventTypeAndTheKafkaPositionAndCarriesTheRecordWithoutItsTypeTag()
            throws Exception {
        FakeClient alerts = subscribe(orgA, Channel.ALERTS);
        AlertOpened alert = new AlertOpened(UUID.randomUUID(), orgA, site, unit, UUID.randomUUID(),
                UUID.randomUUID(), "temperature_c", 9.5, null, 8.0, Instant.parse("2026-01-01T00:00:00Z"));

        fanout.publish(new StreamEvent(new EventId(SourceTopic.ALERTS, 4, 77), 1, alert));

        JsonNode frame = mapper.readTree(alerts.frames.get(0).utf8());
        assertThat(frame.path("type").asText()).isEqualTo("event");
        assertThat(frame.path("channel").asText()).isEqualTo("alerts");
        assertThat(frame.path("eventType").asText()).isEqualTo("alert.opened");
        assertThat(frame.path("eventId").asText()).isEqualTo("a-4-77");
        assertThat(frame.path("orgId").asText()).isEqualTo(orgA.toString());
        assertThat(frame.path("data").path("eventId").asText()).isEqualTo(alert.eventId().toString());
        assertThat(frame.path("data").path("alertId").asText()).isEqualTo(alert.alertId().toString());
        assertThat(frame.path("data").path("occurredAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(frame.path("data").has("type")).isFalse();
    }

    @Test
    void aClosedClientGetsNothingWhileTheOthersDo() {
        FakeClient open = subscribe(orgA, Channel.ORG);
        FakeClient closed = subscribe(orgA, Channel.ORG);
        closed.open = false;

        int queued = fanout.publish(reading(orgA));

        assertThat(queued).isEqualTo(1);
        assertThat(open.frames).hasSize(1);
        assertThat(closed.frames).isEmpty();
    }

    @Test
    void eachEventLoopGetsItsShareOfAnEventInOneTaskAndNothingIsWrittenBeforeItRuns() {
        QueuedLoop loopA = new QueuedLoop();
        QueuedLoop loopB = new QueuedLoop();
        List<FakeClient> onA = List.of(subscribe(orgA, Channel.ORG, loopA), subscribe(orgA, Channel.site(site), loopA),
                subscribe(orgA, Channel.unit(unit), loopA));
        List<FakeClient> onB = List.of(subscribe(orgA, Channel.site(site), loopB), subscribe(orgA, Channel.ORG, loopB));

        int queued = fanout.publish(reading(orgA));

        assertThat(queued).isEqualTo(5);
        assertThat(loopA.tasks).hasSize(1);
        assertThat(loopB.tasks).hasSize(1);
        assertThat(onA).allSatisfy(client -> assertThat(client.frames).isEmpty());
        loopA.runAll();
        loopB.runAll();
        assertThat(onA).allSatisfy(client -> assertThat(client.frames).hasSize(1));
        assertThat(onB).allSatisfy(client -> assertThat(client.frames).hasSize(1));
        assertThat(serializations).hasValue(3);
    }

    @Test
    void aClientGetsTheFramesOfSuccessiveEventsInTheOrderTheyWerePublished() throws Exception {
        QueuedLoop loop = new QueuedLoop();
        FakeClient client = subscribe(orgA, Channel.unit(unit), loop);
        List<StreamEvent> events = List.of(reading(orgA), reading(orgA), reading(orgA));

        events.forEach(fanout::publish);
        loop.runAll();

        assertThat(eventIds(client)).containsExactlyElementsOf(events.stream().map(event -> event.id().toString()).toList());
    }

    @Test
    void aWholePollIsOneTaskPerEventLoopAndEachClientGetsItsEventsInOrder() throws Exception {
        QueuedLoop loopA = new QueuedLoop();
        QueuedLoop loopB = new QueuedLoop();
        FakeClient unitOnA = subscribe(orgA, Channel.unit(unit), loopA);
        FakeClient orgOnA = subscribe(orgA, Channel.ORG, loopA);
        FakeClient siteOnB = subscribe(orgA, Channel.site(site), loopB);
        FakeClient otherOrgOnB = subscribe(orgB, Channel.ORG, loopB);
        List<StreamEvent> poll = List.of(reading(orgA), reading(orgB), reading(orgA), reading(orgA));

        int queued = fanout.publishAll(poll);

        assertThat(queued).isEqualTo(3 * 3 + 1);
        assertThat(loopA.tasks).hasSize(1);
        assertThat(loopB.tasks).hasSize(1);
        loopA.runAll();
        loopB.runAll();
        List<String> ofOrgA = List.of(poll.get(0).id().toString(), poll.get(2).id().toString(),
                poll.get(3).id().toString());
        assertThat(eventIds(unitOnA)).containsExactlyElementsOf(ofOrgA);
        assertThat(eventIds(orgOnA)).containsExactlyElementsOf(ofOrgA);
        assertThat(eventIds(siteOnB)).containsExactlyElementsOf(ofOrgA);
        assertThat(eventIds(otherOrgOnB)).containsExactly(poll.get(1).id().toString());
    }

    private List<String> eventIds(FakeClient client) throws Exception {
        List<String> ids = new ArrayList<>();
        for (OutboundFrame frame : client.frames) {
            ids.add(mapper.readTree(frame.utf8()).path("eventId").asText());
        }
        return ids;
    }

    @Test
    void aClientThatFailsToQueueAFrameDoesNotCostTheOthersOnItsLoopTheirs() {
        QueuedLoop loop = new QueuedLoop();
        FakeClient before = subscribe(orgA, Channel.ORG, loop);
        FakeClient broken = new FakeClient(orgA, loop) {
            @Override
            public void offer(OutboundFrame frame, long eventTimestamp) {
                throw new IllegalStateException("socket gone");
            }
        };
        index.add(Subscription.live("b", new OrgChannel(orgA, Channel.ORG), broken));
        FakeClient after = subscribe(orgA, Channel.ORG, loop);

        fanout.publish(reading(orgA));
        loop.runAll();

        assertThat(before.frames).hasSize(1);
        assertThat(after.frames).hasSize(1);
    }

    @Test
    void subscriptionsAreCountedByChannelKindAndTheLastOneLeavingRemovesTheChannel() {
        Subscription first = Subscription.live("1", new OrgChannel(orgA, Channel.unit(unit)), new FakeClient(orgA));
        Subscription second = Subscription.live("1", new OrgChannel(orgA, Channel.unit(unit)), new FakeClient(orgA));
        index.add(first);
        index.add(second);
        assertThat(meters.get("frostline.realtime.subscriptions").tag("kind", "unit").gauge().value()).isEqualTo(2);

        index.remove(first);
        index.remove(second);

        assertThat(meters.get("frostline.realtime.subscriptions").tag("kind", "unit").gauge().value()).isZero();
        assertThat(index.channels()).isZero();
        assertThat(fanout.publish(reading(orgA))).isZero();
    }

    private FakeClient subscribe(UUID orgId, Channel channel) {
        return subscribe(orgId, channel, Runnable::run);
    }

    private FakeClient subscribe(UUID orgId, Channel channel, Executor loop) {
        FakeClient client = new FakeClient(orgId, loop);
        index.add(Subscription.live(UUID.randomUUID().toString(), new OrgChannel(orgId, channel), client));
        return client;
    }

    /** An event loop that runs its tasks only when the test says so. */
    private static final class QueuedLoop implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            tasks.forEach(Runnable::run);
            tasks.clear();
        }
    }

    private StreamEvent reading(UUID orgId) {
        PlatformEvent event = new ReadingRecorded(UUID.randomUUID(), orgId, site, unit, "temperature_c", 4.5,
                Instant.now(), Instant.now());
        return new StreamEvent(new EventId(SourceTopic.READINGS, 0, offsets.getAndIncrement()),
                System.currentTimeMillis(), event);
    }
}
