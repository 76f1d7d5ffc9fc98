package dev.frostline.system;

import static dev.frostline.system.Platform.frostline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frostline.system.Projections.UnitRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The consumers' projections of catalog's compacted topics, against the running platform: catalog
 * changes reach every consumer in the order they were made, and a consumer that restarts rebuilds
 * what its table lost from the topics alone.
 */
class CatalogProjectionIT {

    private static final Duration PROJECTED = Duration.ofSeconds(30);

    @Test
    void aUnitCreatedMovedAndDeletedIsReflectedInThatOrderInEveryConsumersProjection() {
        Tenant tenant = Tenant.signUp();
        String firstSite = tenant.createSite("Main kitchen");
        String firstArea = tenant.createArea(firstSite);
        String secondSite = Gateway.as(tenant.token).body(Map.of("name", "Harbour store", "timeZone", "America/New_York"))
                .post("/api/catalog/sites").then().statusCode(201).extract().path("id");
        String secondArea = tenant.createArea(secondSite);
        String unit = tenant.createFridge(firstArea);

        // A sampler records every distinct state telemetry's projection passes through.
        List<UnitRow> seen = new ArrayList<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            while (sampling.get()) {
                Projections.unit("telemetry", unit).filter(row -> seen.isEmpty() || !seen.get(seen.size() - 1).equals(row))
                        .ifPresent(seen::add);
                pause();
            }
        });

        List<Long> created = awaitInEveryConsumer(unit, row -> row.areaId().equals(firstArea) && !row.deleted()
                && row.siteId().equals(firstSite) && "Main kitchen".equals(row.siteName())
                && "Europe/Berlin".equals(row.timeZone()));

        String etag = Gateway.as(tenant.token).get("/api/catalog/units/" + unit).then().statusCode(200).extract()
                .header("ETag");
        Gateway.as(tenant.token).header("If-Match", etag)
                .body(Map.of("areaId", secondArea, "name", "Fridge 1", "type", "fridge"))
                .put("/api/catalog/units/" + unit).then().statusCode(200);
        List<Long> moved = awaitInEveryConsumer(unit, row -> row.areaId().equals(secondArea) && !row.deleted()
                && row.siteId().equals(secondSite) && "Harbour store".equals(row.siteName())
                && "America/New_York".equals(row.timeZone()));

        Gateway.as(tenant.token).delete("/api/catalog/units/" + unit).then().statusCode(204);
        List<Long> deleted = awaitInEveryConsumer(unit, row -> row.deleted() && row.areaId().equals(secondArea));

        sampling.set(false);
        sampler.join();
        for (int consumer = 0; consumer < Projections.UNIT_CONSUMERS.size(); consumer++) {
            assertThat(created.get(consumer)).isLessThan(moved.get(consumer));
            assertThat(moved.get(consumer)).isLessThan(deleted.get(consumer));
        }
        // Never backwards: the states telemetry went through are in the order they were made.
        assertThat(seen).extracting(UnitRow::version).isSorted().doesNotHaveDuplicates();
        assertThat(seen).extracting(row -> row.areaId() + (row.deleted() ? " deleted" : ""))
                .containsExactly(firstArea, secondArea, secondArea + " deleted");
    }

    @Test
    void aRestartedConsumerRebuildsWhatItsProjectionsLostFromTheCompactedTopics() {
        Tenant tenant = Tenant.signUp().withFridgeAndKey();
        tenant.postReading(4.0, "before-" + UUID.randomUUID());
        awaitInEveryConsumer(tenant.unitId, row -> !row.deleted());
        UnitRow before = Projections.unit("telemetry", tenant.unitId).orElseThrow();

        frostline("stop", "telemetry-service");
        try {
            assertThat(Projections.forget("telemetry", "unit_projection", "unit_id", tenant.unitId)).isEqualTo(1);
            assertThat(Projections.forget("telemetry", "api_key_projection", "key_id", tenant.apiKeyId)).isEqualTo(1);
            assertThat(Projections.unit("telemetry", tenant.unitId)).isEmpty();
        } finally {
            frostline("start", "telemetry-service");
        }

        Optional<UnitRow> rebuilt = await().atMost(PROJECTED).pollInterval(Duration.ofMillis(200))
                .until(() -> Projections.unit("telemetry", tenant.unitId), Optional::isPresent);
        assertThat(rebuilt).contains(before);
        // Both the unit and the device key are known again: the device's next reading is accepted.
        tenant.postReading(4.5, "after-" + UUID.randomUUID());
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every unit consumer's row matches; answers the version each one holds then. */
    private static List<Long> awaitInEveryConsumer(String unit, Predicate<UnitRow> expected) {
        List<Long> versions = new ArrayList<>();
        for (String schema : Projections.UNIT_CONSUMERS) {
            UnitRow row = await().atMost(PROJECTED).pollInterval(Duration.ofMillis(100))
                    .until(() -> Projections.unit(schema, unit), found -> found.filter(expected).isPresent())
                    .orElseThrow();
            versions.add(row.version());
        }
        return versions;
    }
}
