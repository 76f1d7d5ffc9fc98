package dev.frostline.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.realtime.config.RealtimeConfig;
import dev.frostline.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResumeTest {

    private static final Duration REPLAY_PATIENCE = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URI base;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RealtimeConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private TestPlatform platform;
    private final UUID org = UUID.randomUUID();
    private final UUID site = UUID.randomUUID();
    private final UUID unit = UUID.randomUUID();
    private final String channel = "unit:" + unit;

    @BeforeEach
    void startProducerAndAwaitConsumers() throws Exception {
        platform = new TestPlatform(bootstrap, mapper, dataSource);
        platform.awaitConsumersReady(base);
        platform.unitInProjection(unit, org, site, false);
    }

    @AfterEach
    void closeProducer() {
        platform.close();
    }

    @Test
    void afterADisconnectExactlyTheHundredMissedEventsArriveInOrder() {
        String lastEventId = lastEventIdBeforeADisconnect();

        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ReadingRecorded reading = TestPlatform.reading(org, site, unit);
            platform.sendAsync(reading);
            missed.add(reading.eventId().toString());
            // Other units' and other orgs' readings in between, which the channel must not replay.
            platform.sendAsync(TestPlatform.reading(org, site, UUID.randomUUID()));
            platform.sendAsync(TestPlatform.reading(UUID.randomUUID(), null, unit));
        }
        platform.flush();

        try (FrameCollector client = viewer()) {
            client.send(FrameCollector.subscribe("resumed", channel, lastEventId));
            client.awaitAck("resumed");
            await().atMost(REPLAY_PATIENCE).until(() -> client.eventsOf(channel).size() >= 100);

            // A live event after the replay proves the replay is complete and nothing more is coming before it.
            ReadingRecorded live = TestPlatform.reading(org, site, unit);
            platform.send(live);
            client.awaitEvent(live.eventId());
            List<String> received = eventUuids(client);
            List<String> expected = new ArrayList<>(missed);
            expected.add(live.eventId().toString());
            assertThat(received).containsExactlyElementsOf(expected);
            assertThat(client.frames.indexOf(client.awaitAck("resumed")))
                    .isLessThan(client.frames.indexOf(client.eventsOf(channel).get(0)));
        }
    }

    @Test
    void eventsProducedWhileTheReplayRunsFollowItWithoutGapOrDuplicate() throws Exception {
        String lastEventId = lastEventIdBeforeADisconnect();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ReadingRecorded reading = TestPlatform.reading(org, site, unit);
            platform.sendAsync(reading);
            expected.add(reading.eventId().toString());
        }
        platform.flush();

        try (FrameCollector client = viewer()) {
            List<String> duringReplay = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                duringReplay.add(null);
            }
            client.send(FrameCollector.subscribe("resumed", channel, lastEventId));
            // Produced from another thread while the subscribe is authorized, replays and goes live.
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < duringReplay.size(); i++) {
                    ReadingRecorded reading = TestPlatform.reading(org, site, unit);
                    platform.send(reading);
                    duringReplay.set(i, reading.eventId().toString());
                }
            });
            producing.get();
            expected.addAll(duringReplay);

            await().atMost(REPLAY_PATIENCE).until(() -> client.eventsOf(channel).size() >= expected.size());
            ReadingRecorded marker = TestPlatform.reading(org, site, unit);
            platform.send(marker);
            client.awaitEvent(marker.eventId());
            expected.add(marker.eventId().toString());
            assertThat(eventUuids(client)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aLastEventIdFurtherBackThanTheServerReplaysIsAnsweredResumeTooOld() {
        // The first record still on the unit's partition: everything since is more than max-records.
        int partition = partitionOf(unit);
        long beginning;
        long end;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition readings = new TopicPartition(Topics.READINGS, partition);
            beginning = consumer.beginningOffsets(List.of(readings)).get(readings);
            end = consumer.endOffsets(List.of(readings)).get(readings);
        }
        for (long i = end - beginning; i <= config.resume().maxRecords() + 1; i++) {
            platform.sendAsync(TestPlatform.reading(org, site, unit));
        }
        platform.flush();

        try (FrameCollector client = viewer()) {
            client.send(FrameCollector.subscribe("old", channel, "r-" + partition + "-" + beginning));

            JsonNode error = client.awaitError("old");
            assertThat(error.path("code").asText()).isEqualTo("resume-too-old");
            // Refused, not half-subscribed: the same id and channel can be subscribed afresh at once.
            client.subscribed(channel);
        }
    }

    @Test
    void aLastEventIdOfAnotherChannelIsRefusedAsInvalid() {
        int elsewhere = (partitionOf(unit) + 1) % Topics.DEFAULT_PARTITIONS;
        try (FrameCollector client = viewer()) {
            client.send(FrameCollector.subscribe("wrong-partition", channel, "r-" + elsewhere + "-0"));
            client.send(FrameCollector.subscribe("beyond-the-end", "unit:" + UUID.randomUUID(), "r-0-999999999999"));

            assertThat(client.awaitError("wrong-partition").path("code").asText()).isEqualTo("invalid-last-event-id");
            // An unknown unit is refused before its lastEventId is even looked at.
            assertThat(client.awaitError("beyond-the-end").path("code").asText()).isEqualTo("channel-forbidden");
        }
    }

    /** Subscribes, sees one event live, and disconnects: returns that event's eventId. */
    private String lastEventIdBeforeADisconnect() {
        try (FrameCollector client = viewer()) {
            client.subscribed(channel);
            ReadingRecorded seen = TestPlatform.reading(org, site, unit);
            platform.send(seen);
            return client.awaitEvent(seen.eventId()).path("eventId").asText();
        }
    }

    private List<String> eventUuids(FrameCollector client) {
        return client.eventsOf(channel).stream().map(frame -> frame.path("data").path("eventId").asText()).toList();
    }

    private FrameCollector viewer() {
        FrameCollector client = FrameCollector.withHeader(base, TestTokens.token(UUID.randomUUID(), org, Role.VIEWER));
        client.awaitWelcome();
        return client;
    }

    private int partitionOf(UUID key) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            int partitions = consumer.partitionsFor(Topics.READINGS).size();
            return BuiltInPartitioner.partitionForKey(key.toString().getBytes(StandardCharsets.UTF_8), partitions);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }
}
