package dev.frostline.system;

import static dev.frostline.system.Platform.frostline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frostline.system.IngestLoad.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost, and nothing is half-stored, while Kafka or PostgreSQL goes away under
 * load and comes back: every reading answered 202 ends up in PostgreSQL exactly once, and a request
 * that was not answered 202 is stored either whole or not at all.
 */
class TelemetryDurabilityIT {

    private static final int DEVICES = 4;
    private static final int BATCH = 20;
    private static final Duration PAUSE = Duration.ofMillis(40);

    @Test
    void kafkaStoppedAndStartedUnderLoadLosesNoAcknowledgedReadingAndHalfStoresNone() {
        Tenant tenant = readyTenant();
        List<Request> requests;
        try (IngestLoad load = new IngestLoad(tenant.apiKey, tenant.unitId, DEVICES, BATCH, PAUSE)) {
            awaitAccepted(load, 20);
            frostline("stop", "kafka");
            try {
                pause(Duration.ofSeconds(5));
            } finally {
                frostline("start", "kafka");
            }
            long acceptedBefore = load.accepted();
            awaitAccepted(load, acceptedBefore + 20);
            requests = load.stop();
        }
        assertEveryAcknowledgedReadingStoredOnceAndNoneHalfStored(tenant.unitId, requests);
    }

    @Test
    void postgresRestartedUnderLoadLosesNoAcknowledgedReadingAndHalfStoresNone() {
        Tenant tenant = readyTenant();
        List<Request> requests;
        try (IngestLoad load = new IngestLoad(tenant.apiKey, tenant.unitId, DEVICES, BATCH, PAUSE)) {
            awaitAccepted(load, 20);
            frostline("restart", "postgres", "--down-for", "5");
            long acceptedBefore = load.accepted();
            awaitAccepted(load, acceptedBefore + 20);
            requests = load.stop();
        }
        assertEveryAcknowledgedReadingStoredOnceAndNoneHalfStored(tenant.unitId, requests);
    }

    private static Tenant readyTenant() {
        Tenant tenant = Tenant.signUp().withFridgeAndKey();
        // The key and the unit are projected into telemetry: from here on a refusal is an outage.
        tenant.postReading(4.0, "warm-up-" + UUID.randomUUID());
        return tenant;
    }

    private static void assertEveryAcknowledgedReadingStoredOnceAndNoneHalfStored(String unitId, List<Request> requests) {
        Set<Instant> acknowledged = requests.stream().filter(request -> request.status() == 202)
                .flatMap(request -> request.recordedAt().stream()).collect(Collectors.toSet());
        Map<Integer, Long> statuses = requests.stream()
                .collect(Collectors.groupingBy(Request::status, Collectors.counting()));
        // 503 from telemetry (Retry-After), 502/504 from the gateway when telemetry dropped the
        // connection or did not answer in time, -1 when no answer came: a device retries them all.
        // A 500 would mean a failure the service did not understand.
        assertThat(statuses.keySet()).as("answers during the outage (status -> requests): %s", statuses)
                .isSubsetOf(202, 502, 503, 504, -1);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> new HashSet<>(StoredReadings.recordedAtOf(unitId)).containsAll(acknowledged));

        List<Instant> stored = StoredReadings.recordedAtOf(unitId);
        assertThat(stored).as("no reading stored twice").doesNotHaveDuplicates();
        Set<Instant> storedSet = new HashSet<>(stored);
        assertThat(storedSet).containsAll(acknowledged);
        Map<Instant, Request> origin = requests.stream().flatMap(request -> request.recordedAt().stream()
                .map(at -> Map.entry(at, request))).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // The warm-up reading is the one stored row that no request of the load sent.
        assertThat(storedSet.stream().filter(at -> !origin.containsKey(at)).count()).isEqualTo(1);
        for (Request refused : requests.stream().filter(request -> request.status() != 202).toList()) {
            long kept = refused.recordedAt().stream().filter(storedSet::contains).count();
            assertThat(kept).as("a request answered %d is stored whole or not at all", refused.status())
                    .isIn(0L, (long) refused.recordedAt().size());
        }
        assertThat(acknowledged).as("readings acknowledged (by status: %s)", statuses).isNotEmpty();
    }

    private static void awaitAccepted(IngestLoad load, long requests) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> load.accepted() >= requests);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
