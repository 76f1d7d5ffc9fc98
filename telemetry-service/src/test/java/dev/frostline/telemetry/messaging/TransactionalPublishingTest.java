package dev.frostline.telemetry.messaging;

import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Topics;
import dev.frostline.support.messaging.KafkaSender.JsonRecord;
import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Against the real broker: a request's readings become visible to read_committed consumers together or never. */
@QuarkusTest
class TransactionalPublishingTest extends FixtureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TransactionalPublisher publisher;

    @Test
    void aBatchBecomesVisibleAllTogetherToAReadCommittedConsumer() {
        Device device = fixtures.seedDevice();
        List<Object> readings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            readings.add(reading(device.unitId(), "temperature_c", -18 + i % 5, "together-" + i));
        }
        try (KafkaConsumer<String, String> consumer = consumerAtEnd("read_committed")) {
            List<String> ids = post(device.key(), Map.of("readings", readings)).then().statusCode(202)
                    .extract().path("ids");

            // The first poll that returns any of the request's readings returns every one of them.
            List<ConsumerRecord<String, String>> firstSeen = firstPollWith(consumer, device.unitId().toString());
            assertThat(firstSeen).hasSize(200);
            assertThat(firstSeen.stream().map(ConsumerRecord::value).map(v -> v.substring(v.indexOf("\"eventId\":\"") + 11,
                    v.indexOf("\"eventId\":\"") + 47)).collect(Collectors.toList())).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void anAbortedTransactionShowsNothingAndTheNextOneIsCommitted() {
        String key = "abort-test-" + UUID.randomUUID();
        List<JsonRecord> failing = List.of(new JsonRecord(Topics.READINGS, key, "{\"n\":\"first\"}"),
                // Larger than the producer's max.request.size: the send fails, so the transaction aborts.
                new JsonRecord(Topics.READINGS, key, "{\"n\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"),
                new JsonRecord(Topics.READINGS, key, "{\"n\":\"third\"}"));
        try (KafkaConsumer<String, String> committed = consumerAtEnd("read_committed")) {
            assertThatThrownBy(() -> publisher.publishAtomically(failing, Duration.ofSeconds(10)).await()
                    .atMost(Duration.ofSeconds(20))).isNotNull();
            publisher.publishAtomically(List.of(new JsonRecord(Topics.READINGS, key, "{\"n\":\"after\"}")),
                    Duration.ofSeconds(10)).await().atMost(Duration.ofSeconds(20));

            assertThat(firstPollWith(committed, key)).extracting(ConsumerRecord::value)
                    .containsExactly("{\"n\":\"after\"}");
        }
    }

    /** A consumer of every partition of the readings topic, positioned at its end. */
    private KafkaConsumer<String, String> consumerAtEnd(String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static List<ConsumerRecord<String, String>> firstPollWith(KafkaConsumer<String, String> consumer,
            String key) {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            records.forEach(record -> {
                if (key.equals(record.key())) {
                    matching.add(record);
                }
            });
            if (!matching.isEmpty()) {
                return matching;
            }
        }
        return List.of();
    }
}
