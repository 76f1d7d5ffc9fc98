package dev.frostline.telemetry.messaging;

import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ApiKeyUsed;
import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyUsageReporterTest extends FixtureTest {

    @Test
    void anAcceptedIngestIsReportedAsTheKeysLastUseKeyedByKeyId() throws Exception {
        Device device = fixtures.seedDevice();
        Instant before = Instant.now();

        post(device.key(), reading(device.unitId(), "temperature_c", 3.0, "used")).then().statusCode(202);

        List<ConsumerRecord<String, String>> reports = awaitReports(device.keyId());
        ConsumerRecord<String, String> report = reports.get(reports.size() - 1);
        ApiKeyUsed used = mapper.readValue(report.value(), ApiKeyUsed.class);
        assertThat(report.key()).isEqualTo(device.keyId().toString());
        assertThat(used.orgId()).isEqualTo(device.orgId());
        assertThat(used.lastUsedAt()).isAfterOrEqualTo(before.minusMillis(1)).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void refusedRequestsAreNotReportedAsUse() throws Exception {
        Device device = fixtures.seedDevice();
        Device marker = fixtures.seedDevice();

        post(device.key(), reading(device.unitId(), "temperature_c", 999, "refused")).then().statusCode(400);
        post(marker.key(), reading(marker.unitId(), "temperature_c", 3.0, "marker")).then().statusCode(202);

        // The refused request was answered before the marker was sent, so had it counted, its report
        // would be in the same report as the marker's or an earlier one: on the topic by now.
        awaitReports(marker.keyId());
        assertThat(reportsOf(device.keyId())).isEmpty();
    }

    private List<ConsumerRecord<String, String>> awaitReports(UUID keyId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> reportsOf(keyId), reports -> !reports.isEmpty());
    }

    /** Every report of the key on the usage topic, read from the start up to its current end. */
    private List<ConsumerRecord<String, String>> reportsOf(UUID keyId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            // Assigned, not subscribed: no group to join, so "up to the end" is exact, not a time window.
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.API_KEY_USAGE).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keyId.toString().equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
