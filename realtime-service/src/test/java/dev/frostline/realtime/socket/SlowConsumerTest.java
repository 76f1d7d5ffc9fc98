package dev.frostline.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlowConsumerTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private TestPlatform platform;

    @BeforeEach
    void startProducerAndAwaitConsumers() {
        platform = new TestPlatform(bootstrap, mapper, dataSource);
        platform.awaitConsumersReady(base);
    }

    @AfterEach
    void closeProducer() {
        platform.close();
    }

    @Test
    void aClientThatNeverReadsIsCutOffWhileANormalClientOfTheSameOrgGetsEveryEvent() throws Exception {
        UUID org = UUID.randomUUID();
        double disconnectsBefore = counter("frostline.realtime.slow-consumer.disconnects");

        try (RawSocketClient slow = RawSocketClient.connect(base, TestTokens.token(UUID.randomUUID(), org, Role.VIEWER));
             FrameCollector normal = FrameCollector.withHeader(base, TestTokens.token(UUID.randomUUID(), org, Role.VIEWER))) {
            slow.send(FrameCollector.subscribe("all", "org", null));
            slow.awaitAck();
            normal.awaitWelcome();
            normal.subscribed("org");

            // Readings until the slow client's buffer (1,000 frames, after the kernel's socket buffers) overflows.
            Set<String> produced = new HashSet<>();
            for (int batch = 0; batch < 40 && counter("frostline.realtime.slow-consumer.disconnects") == disconnectsBefore;
                    batch++) {
                for (int i = 0; i < 500; i++) {
                    ReadingRecorded reading = TestPlatform.reading(org, null, UUID.randomUUID());
                    platform.sendAsync(reading);
                    produced.add(reading.eventId().toString());
                }
                platform.flush();
                Thread.sleep(200);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> counter("frostline.realtime.slow-consumer.disconnects") > disconnectsBefore);

            ReadingRecorded last = TestPlatform.reading(org, null, UUID.randomUUID());
            platform.send(last);
            produced.add(last.eventId().toString());
            normal.awaitEvent(last.eventId());
            await().atMost(FrameCollector.PATIENCE).until(() -> normal.eventsOf("org").size() >= produced.size());
            List<String> received = new ArrayList<>();
            normal.eventsOf("org").forEach(frame -> received.add(frame.path("data").path("eventId").asText()));
            assertThat(received).hasSize(produced.size()).doesNotHaveDuplicates();
            assertThat(new HashSet<>(received)).isEqualTo(produced);
            assertThat(normal.connection().isOpen()).isTrue();
            assertThat(meters.get("frostline.realtime.events.dropped").tag("reason", "slow-consumer").counter().count())
                    .isPositive();
        }
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }
}
