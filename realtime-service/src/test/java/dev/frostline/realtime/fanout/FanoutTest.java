package dev.frostline.realtime.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.ReadingRecorded;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FanoutTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final Fanout fanout = new Fanout(registry, mapper);

    private final UUID orgA = UUID.randomUUID();
    private final UUID orgB = UUID.randomUUID();

    @Test
    void anEventReachesEveryClientOfItsOrgAndNoClientOfAnother() {
        FakeClient a1 = join(orgA);
        FakeClient a2 = join(orgA);
        FakeClient b = join(orgB);

        int sent = fanout.publish(reading(orgA));

        assertThat(sent).isEqualTo(2);
        assertThat(a1.frames).hasSize(1);
        assertThat(a2.frames).hasSize(1);
        assertThat(b.frames).isEmpty();
    }

    @Test
    void theFrameIsSerializedOnceAndTheSameStringIsWrittenToEveryClient() {
        FakeClient a1 = join(orgA);
        FakeClient a2 = join(orgA);

        fanout.publish(reading(orgA));

        assertThat(a1.frames.get(0)).isSameAs(a2.frames.get(0));
    }

    @Test
    void theFrameNamesTheEventAndCarriesTheRecordWithoutItsKafkaTypeTag() throws Exception {
        FakeClient a = join(orgA);
        AlertOpened alert = new AlertOpened(UUID.randomUUID(), orgA, null, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "temperature_c", 9.5, null, 8.0, Instant.parse("2026-01-01T00:00:00Z"));

        fanout.publish(alert);

        JsonNode frame = mapper.readTree(a.frames.get(0));
        assertThat(frame.path("type").asText()).isEqualTo("event");
        assertThat(frame.path("channel").asText()).isEqualTo("org");
        assertThat(frame.path("eventType").asText()).isEqualTo("alert.opened");
        assertThat(frame.path("eventId").asText()).isEqualTo(alert.eventId().toString());
        assertThat(frame.path("orgId").asText()).isEqualTo(orgA.toString());
        assertThat(frame.path("data").path("alertId").asText()).isEqualTo(alert.alertId().toString());
        assertThat(frame.path("data").path("occurredAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(frame.path("data").has("type")).isFalse();
    }

    @Test
    void aClosedClientIsDroppedInsteadOfWrittenTo() {
        FakeClient open = join(orgA);
        FakeClient closed = join(orgA);
        closed.open = false;

        int sent = fanout.publish(reading(orgA));

        assertThat(sent).isEqualTo(1);
        assertThat(open.frames).hasSize(1);
        assertThat(closed.frames).isEmpty();
        assertThat(registry.clientsOf(orgA)).containsExactly(open);
    }

    @Test
    void aFailedWriteToOneClientDoesNotStopTheOthers() {
        FakeClient failing = join(orgA);
        failing.failWrites = true;
        FakeClient healthy = join(orgA);

        fanout.publish(reading(orgA));

        assertThat(healthy.frames).hasSize(1);
    }

    @Test
    void theLastClientOfAnOrgLeavingRemovesTheOrgFromTheIndex() {
        FakeClient a = join(orgA);
        join(orgB);

        registry.remove(a);

        assertThat(registry.clientsOf(orgA)).isEmpty();
        assertThat(registry.size()).isEqualTo(1);
        assertThat(fanout.publish(reading(orgA))).isZero();
    }

    private FakeClient join(UUID orgId) {
        FakeClient client = new FakeClient(orgId);
        registry.add(client);
        return client;
    }

    private static ReadingRecorded reading(UUID orgId) {
        return new ReadingRecorded(UUID.randomUUID(), orgId, null, UUID.randomUUID(), "temperature_c", 4.5,
                Instant.now(), Instant.now());
    }

    private static final class FakeClient implements Client {
        final UUID orgId;
        final String id = UUID.randomUUID().toString();
        final List<String> frames = new CopyOnWriteArrayList<>();
        volatile boolean open = true;
        volatile boolean failWrites;

        FakeClient(UUID orgId) {
            this.orgId = orgId;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public UUID orgId() {
            return orgId;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public Uni<Void> send(String frame) {
            if (failWrites) {
                return Uni.createFrom().failure(new IllegalStateException("connection reset"));
            }
            return Uni.createFrom().voidItem().invoke(() -> frames.add(frame));
        }
    }
}
