package dev.frostline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two realtime replicas behind no shared state (docs/realtime.md, Engine): the platform's own on 8085,
 * reached through the gateway, and a second one this test starts next to it and connects to directly.
 * Clients on each receive every reading they may see exactly once; when the second is killed (SIGKILL,
 * no close frame), its clients reconnect through the gateway to the first and resume every channel from
 * their last eventId: nothing missed, nothing twice.
 */
class RealtimeReplicasIT {

    /** Not a service port (8080..8087) nor a test port (18080..): free for a second realtime replica. */
    private static final int SECOND_REPLICA_PORT = 18187;
    private static final URI SECOND_REPLICA = URI.create("ws://127.0.0.1:" + SECOND_REPLICA_PORT + "/ws");
    private static final String SECOND_REPLICA_NAME = "realtime-service@2";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Readings before the kill, and after the clients have resumed. */
    private static final int READINGS_PER_PHASE = 60;

    @BeforeAll
    static void startSecondReplica() {
        Platform.frostline("start", "realtime-service", "--instance", "2", "--port", Integer.toString(SECOND_REPLICA_PORT));
    }

    @AfterAll
    static void stopSecondReplica() {
        // Already gone after the kill; stopping a replica that does not run does nothing.
        Platform.frostline("stop", SECOND_REPLICA_NAME);
    }

    @Test
    void clientsOfEitherReplicaGetEveryEventOnceAndThoseOfAKilledReplicaResumeOnTheOtherWithoutGapOrRepeat()
            throws Exception {
        Tenant a = Tenant.signUp().withFridgeAndKey();
        String secondUnitOfSite = a.createFridge(a.areaId);
        String otherSite = a.createSite("Bakery");
        String unitOfOtherSite = a.createFridge(a.createArea(otherSite));
        List<String> units = List.of(a.unitId, secondUnitOfSite, unitOfOtherSite);
        Tenant b = Tenant.signUp().withFridgeAndKey();

        Map<String, Set<String>> unitsOfChannel = new LinkedHashMap<>();
        unitsOfChannel.put("org", Set.copyOf(units));
        unitsOfChannel.put("site:" + a.siteId, Set.of(a.unitId, secondUnitOfSite));
        unitsOfChannel.put("unit:" + a.unitId, Set.of(a.unitId));

        Readings produced = new Readings();
        try (LiveSocket first = LiveSocket.withHeader(a.token);
             LiveSocket second = LiveSocket.atReplica(SECOND_REPLICA, a.token);
             LiveSocket firstOfB = LiveSocket.withHeader(b.token);
             LiveSocket secondOfB = LiveSocket.atReplica(SECOND_REPLICA, b.token)) {
            awaitLive(a, units, first, second);
            for (LiveSocket socket : List.of(first, second)) {
                for (String channel : unitsOfChannel.keySet()) {
                    if (!"org".equals(channel)) {
                        subscribeOnceAllowed(socket, channel, null);
                    }
                }
            }
            firstOfB.subscribed("org");
            secondOfB.subscribed("org");

            // Phase 1: both replicas up, readings of A (three units, two sites) and of B through the gateway.
            for (int i = 0; i < READINGS_PER_PHASE; i++) {
                produced.post(a, units.get(i % units.size()));
            }
            String readingOfB = b.postReading(1.0, "msg-" + UUID.randomUUID()).path("ids[0]");
            for (LiveSocket socket : List.of(first, second)) {
                for (Map.Entry<String, Set<String>> channel : unitsOfChannel.entrySet()) {
                    assertExactlyOnce(channel.getKey(), produced.of(channel.getValue()), () -> socket.eventsOf(channel.getKey()));
                }
            }
            for (LiveSocket socketOfB : List.of(firstOfB, secondOfB)) {
                socketOfB.awaitFrame(LiveSocket.event("reading.recorded", "eventId", readingOfB));
                assertThat(socketOfB.frames()).noneMatch(f -> f.toString().contains(a.orgId));
            }
            assertThat(List.of(first, second)).allSatisfy(
                    socket -> assertThat(socket.frames()).noneMatch(f -> f.toString().contains(b.orgId)));

            // Phase 2: readings keep flowing from two devices at once while the second replica is killed.
            AtomicBoolean producing = new AtomicBoolean(true);
            ExecutorService devices = Executors.newFixedThreadPool(2);
            List<Future<?>> running = new ArrayList<>();
            for (int device = 0; device < 2; device++) {
                int offset = device;
                running.add(devices.submit(() -> {
                    for (int i = offset; producing.get(); i += 2) {
                        produced.post(a, units.get(i % units.size()));
                    }
                    return null;
                }));
            }
            try {
                int beforeKill = produced.count() + READINGS_PER_PHASE;
                await().atMost(PATIENCE).until(() -> stillProducing(running) && produced.count() >= beforeKill);
                Platform.frostline("kill", SECOND_REPLICA_NAME);
                await().atMost(PATIENCE).until(second::hasEnded);

                // Its client comes back through the gateway (to the first replica), resuming each channel.
                try (LiveSocket resumed = LiveSocket.withHeader(a.token)) {
                    resumed.awaitFrame(f -> "welcome".equals(f.path("type").asText()));
                    for (String channel : unitsOfChannel.keySet()) {
                        List<JsonNode> seen = second.eventsOf(channel);
                        String lastEventId = seen.get(seen.size() - 1).path("eventId").asText();
                        subscribeOnceAllowed(resumed, channel, lastEventId);
                    }
                    int afterResume = produced.count() + READINGS_PER_PHASE;
                    await().atMost(PATIENCE).until(() -> stillProducing(running) && produced.count() >= afterResume);
                    producing.set(false);
                    for (Future<?> device : running) {
                        device.get(1, TimeUnit.MINUTES);
                    }

                    for (Map.Entry<String, Set<String>> channel : unitsOfChannel.entrySet()) {
                        String name = channel.getKey();
                        Set<String> expected = produced.of(channel.getValue());
                        assertExactlyOnce(name, expected, () -> first.eventsOf(name));
                        assertExactlyOnce(name + " across the kill", expected, () -> {
                            List<JsonNode> acrossTheKill = new ArrayList<>(second.eventsOf(name));
                            acrossTheKill.addAll(resumed.eventsOf(name));
                            return acrossTheKill;
                        });
                    }
                }
            } finally {
                producing.set(false);
                devices.shutdownNow();
            }
        }
    }

    /** Rethrows what stopped a device, so a refused reading fails the test at once. */
    private static boolean stillProducing(List<Future<?>> devices) throws Exception {
        for (Future<?> device : devices) {
            if (device.isDone()) {
                device.get();
            }
        }
        return true;
    }

    /**
     * Subscribes each socket to the org, then posts readings until every socket has one of every unit:
     * then the new replica's consumers own their partitions (they start at the end, so earlier events are
     * not theirs to see) and telemetry knows every unit. The warm-up readings carry negative values.
     */
    private static void awaitLive(Tenant tenant, List<String> units, LiveSocket... sockets) {
        for (LiveSocket socket : sockets) {
            socket.awaitFrame(f -> "welcome".equals(f.path("type").asText()));
            socket.subscribed("org");
        }
        for (String unit : units) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                String id = Tenant.postReading(tenant.apiKey, unit, -1.0, "warm-up-" + UUID.randomUUID()).path("ids[0]");
                return awaitQuietly(sockets, id);
            });
        }
    }

    private static boolean awaitQuietly(LiveSocket[] sockets, String readingId) {
        try {
            await().atMost(Duration.ofSeconds(3)).until(() -> {
                for (LiveSocket socket : sockets) {
                    if (socket.frames().stream().noneMatch(LiveSocket.event("reading.recorded", "eventId", readingId))) {
                        return false;
                    }
                }
                return true;
            });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * A unit or site channel is allowed once realtime's projection has the unit (catalog's topic reaches it
     * a moment after the unit is created): until then the subscribe is refused with channel-forbidden.
     */
    private static void subscribeOnceAllowed(LiveSocket socket, String channel, String lastEventId) {
        AtomicInteger attempt = new AtomicInteger();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            String id = channel + "#" + attempt.incrementAndGet();
            socket.subscribe(id, channel, lastEventId);
            JsonNode answer = socket.awaitFrame(f -> id.equals(f.path("id").asText())
                    && ("ack".equals(f.path("type").asText()) || "error".equals(f.path("type").asText())));
            if ("error".equals(answer.path("type").asText())) {
                assertThat(answer.path("code").asText()).as("refusal of %s", channel).isEqualTo("channel-forbidden");
                return false;
            }
            return true;
        });
    }

    /** Every expected reading (by its ID) arrives on the channel, and each exactly once; nothing else does. */
    private static void assertExactlyOnce(String channel, Set<String> expected, Supplier<List<JsonNode>> frames) {
        await().atMost(PATIENCE).until(() -> readingIds(frames.get()).containsAll(expected));
        List<String> readings = readingIds(frames.get());
        Map<String, Long> counts = readings.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("readings delivered more than once on %s", channel).isEmpty();
        assertThat(counts.keySet()).as("readings of %s", channel).isEqualTo(expected);
    }

    /** The test's own readings (positive values; the warm-up's are negative) in the frames, in order. */
    private static List<String> readingIds(List<JsonNode> frames) {
        return frames.stream()
                .filter(f -> "reading.recorded".equals(f.path("eventType").asText()) && f.path("data").path("value").asDouble() > 0)
                .map(f -> f.path("data").path("eventId").asText())
                .toList();
    }

    /** The readings the gateway accepted (202), by reading ID, with their unit. */
    private static final class Readings {
        private final Map<String, String> unitOfReading = new ConcurrentHashMap<>();
        private final AtomicInteger value = new AtomicInteger();

        void post(Tenant tenant, String unit) {
            // Positive (the warm-up's are negative) and a plausible temperature, or telemetry refuses it.
            double celsius = 1 + value.incrementAndGet() % 20;
            var response = Tenant.ingest(tenant.apiKey, unit, celsius, "msg-" + UUID.randomUUID());
            // A 503 means the request's Kafka transaction was aborted: nobody may see that reading.
            assertThat(response.statusCode()).as("ingest answer: %s", response.asString()).isIn(202, 503);
            if (response.statusCode() == 202) {
                unitOfReading.put(response.path("ids[0]"), unit);
            }
        }

        int count() {
            return unitOfReading.size();
        }

        Set<String> of(Set<String> units) {
            return unitOfReading.entrySet().stream().filter(e -> units.contains(e.getValue()))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
        }
    }
}
