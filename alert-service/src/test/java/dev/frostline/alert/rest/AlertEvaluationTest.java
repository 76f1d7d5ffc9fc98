package dev.frostline.alert.rest;

import static dev.frostline.alert.rest.ThresholdResourceTest.awaitThresholdSet;
import static dev.frostline.alert.rest.ThresholdResourceTest.listThresholds;
import static dev.frostline.alert.rest.ThresholdResourceTest.putThreshold;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.frostline.alert.TestBus;
import dev.frostline.alert.TestBus.AlertTap;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.AlertResolved;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readings in through the real Kafka, alerts out through the outbox. Readings of one unit share a
 * partition and are evaluated in order, so once a later "marker" reading's effect is visible, every
 * earlier reading of that unit has been evaluated: the duplicate checks need no sleeping.
 */
@QuarkusTest
class AlertEvaluationTest {

    private static final String TEMPERATURE = "temperature_c";
    private static final String HUMIDITY = "humidity_pct";

    @Inject
    TestBus bus;

    private record Fixture(UUID orgId, UUID siteId, UUID unitId, String manager, Instant start) {

        ReadingRecorded reading(String metric, double value, int secondsAfterStart) {
            Instant at = start.plusSeconds(secondsAfterStart);
            return new ReadingRecorded(UUID.randomUUID(), orgId, siteId, unitId, metric, value, at, at);
        }
    }

    /** A unit with a fridge temperature threshold [2, 8] and a humidity threshold (max 90) used as a marker. */
    private Fixture unitWithThresholds() {
        UUID orgId = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        UUID unitId = UUID.randomUUID();
        String manager = TestTokens.token(UUID.randomUUID(), orgId, Role.MANAGER);
        bus.publishUnit(unitId, orgId, siteId);
        awaitThresholdSet(manager, unitId, TEMPERATURE, "{\"min\": 2, \"max\": 8}");
        putThreshold(manager, unitId, HUMIDITY, "{\"max\": 90}").then().statusCode(200);
        return new Fixture(orgId, siteId, unitId, manager, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static List<Map<String, Object>> alertsOf(Fixture f, String query) {
        return given().auth().oauth2(f.manager()).get("/api/alerts/alerts?unitId=" + f.unitId() + query)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<Map<String, Object>> alertsOf(Fixture f, String query, String metric) {
        return alertsOf(f, query).stream().filter(a -> metric.equals(a.get("metric"))).toList();
    }

    /** Publishes an out-of-range humidity reading and waits for its alert: all earlier readings are evaluated. */
    private void publishMarkerAndAwaitIt(Fixture f, int secondsAfterStart) {
        bus.publishReading(f.reading(HUMIDITY, 95, secondsAfterStart));
        await().atMost(Duration.ofSeconds(60)).until(() -> alertsOf(f, "", HUMIDITY).size() == 1);
    }

    private static List<AlertEvent> ofMetric(List<AlertEvent> events, String metric) {
        return events.stream().filter(e -> e instanceof AlertOpened o ? o.metric().equals(metric)
                : ((AlertResolved) e).metric().equals(metric)).toList();
    }

    private static UUID derived(String kind, UUID readingId) {
        return UUID.nameUUIDFromBytes((kind + readingId).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void outOfRangeReadingOpensOneAlertThatARedeliveryDoesNotDuplicateAndAnInRangeReadingResolves() {
        Fixture f = unitWithThresholds();
        try (AlertTap tap = bus.tapAlerts(f.unitId())) {
            ReadingRecorded hot = f.reading(TEMPERATURE, 11.5, 0);
            bus.publishReading(hot);

            List<AlertEvent> events = tap.awaitEvents(e -> !e.isEmpty());
            assertThat(events).hasSize(1);
            AlertOpened opened = (AlertOpened) events.get(0);
            assertThat(opened.eventId()).isEqualTo(derived("alert-opened:", hot.eventId()));
            assertThat(opened.triggeringReadingId()).isEqualTo(hot.eventId());
            assertThat(opened.orgId()).isEqualTo(f.orgId());
            assertThat(opened.siteId()).isEqualTo(f.siteId());
            assertThat(opened.metric()).isEqualTo(TEMPERATURE);
            assertThat(opened.value()).isEqualTo(11.5);
            assertThat(opened.min()).isEqualTo(2.0);
            assertThat(opened.max()).isEqualTo(8.0);
            String alertPath = "/api/alerts/alerts/" + opened.alertId();
            given().auth().oauth2(f.manager()).get(alertPath).then().statusCode(200)
                    .body("status", equalTo("open"))
                    .body("unitId", equalTo(f.unitId().toString()))
                    .body("siteId", equalTo(f.siteId().toString()))
                    .body("triggerValue", equalTo(11.5f))
                    .body("peakValue", equalTo(11.5f))
                    .body("min", equalTo(2.0f))
                    .body("max", equalTo(8.0f))
                    .body("openedAt", notNullValue());

            // The same reading again: no second alert, no second event.
            bus.publishReading(hot);
            publishMarkerAndAwaitIt(f, 1);
            assertThat(alertsOf(f, "", TEMPERATURE)).hasSize(1);
            events = tap.awaitEvents(e -> ofMetric(e, HUMIDITY).size() == 1);
            assertThat(ofMetric(events, TEMPERATURE)).hasSize(1);

            // Further out: the peak follows, and nothing is published for it.
            bus.publishReading(f.reading(TEMPERATURE, 13.0, 2));
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(f.manager()).get(alertPath)
                    .then().extract().jsonPath().getDouble("peakValue") == 13.0);

            ReadingRecorded cool = f.reading(TEMPERATURE, 5.0, 3);
            bus.publishReading(cool);
            events = tap.awaitEvents(e -> ofMetric(e, TEMPERATURE).size() >= 2);
            List<AlertEvent> temperature = ofMetric(events, TEMPERATURE);
            assertThat(temperature).hasSize(2);
            assertThat(temperature.get(1)).isInstanceOf(AlertResolved.class);
            AlertResolved resolved = (AlertResolved) temperature.get(1);
            assertThat(resolved.alertId()).isEqualTo(opened.alertId());
            assertThat(resolved.resolvingReadingId()).isEqualTo(cool.eventId());
            assertThat(resolved.eventId()).isEqualTo(derived("alert-resolved:", cool.eventId()));
            assertThat(resolved.value()).isEqualTo(5.0);

            await().atMost(Duration.ofSeconds(30)).until(() -> "resolved".equals(
                    given().auth().oauth2(f.manager()).get(alertPath).then().extract().path("status")));
            given().auth().oauth2(f.manager()).get(alertPath).then().statusCode(200)
                    .body("resolvedAt", notNullValue())
                    .body("triggerValue", equalTo(11.5f))
                    .body("peakValue", equalTo(13.0f));
            assertThat(alertsOf(f, "&status=resolved")).extracting(a -> a.get("id"))
                    .containsExactly(opened.alertId().toString());
            assertThat(alertsOf(f, "&status=open")).extracting(a -> a.get("metric")).containsExactly(HUMIDITY);
        }
    }

    @Test
    void lateRedeliveriesChangeNeitherTheResolvedAlertNorTheNextOne() {
        Fixture f = unitWithThresholds();
        try (AlertTap tap = bus.tapAlerts(f.unitId())) {
            ReadingRecorded hot = f.reading(TEMPERATURE, -3.0, 0);
            ReadingRecorded cool = f.reading(TEMPERATURE, 4.0, 1);
            ReadingRecorded hotAgain = f.reading(TEMPERATURE, 12.0, 2);
            bus.publishReading(hot);
            bus.publishReading(cool);
            bus.publishReading(hotAgain);
            tap.awaitEvents(e -> e.size() >= 3);

            // Redelivered after newer readings: the opening one must not reopen the first alert, the
            // resolving one must not resolve the second.
            bus.publishReading(hot);
            bus.publishReading(cool);
            publishMarkerAndAwaitIt(f, 3);

            assertThat(alertsOf(f, "", TEMPERATURE))
                    .extracting(a -> a.get("status"), a -> a.get("triggerValue"), a -> a.get("peakValue"))
                    .containsExactly(tuple("open", 12.0f, 12.0f), tuple("resolved", -3.0f, -3.0f));
            List<AlertEvent> events = tap.awaitEvents(e -> ofMetric(e, HUMIDITY).size() == 1);
            assertThat(ofMetric(events, TEMPERATURE))
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("AlertOpened", "AlertResolved", "AlertOpened");
        }
    }

    @Test
    void readingThatClaimsAnotherOrgDoesNotTripTheUnitsThreshold() {
        Fixture f = unitWithThresholds();
        Instant at = f.start();
        bus.publishReading(new ReadingRecorded(UUID.randomUUID(), UUID.randomUUID(), f.siteId(), f.unitId(),
                TEMPERATURE, 40.0, at, at));
        publishMarkerAndAwaitIt(f, 1);

        assertThat(alertsOf(f, "", TEMPERATURE)).isEmpty();
    }

    @Test
    void alertsOfAnotherOrgAreNotFound() {
        Fixture f = unitWithThresholds();
        publishMarkerAndAwaitIt(f, 0);
        String alertId = (String) alertsOf(f, "").get(0).get("id");
        String otherViewer = TestTokens.newOrgToken(Role.VIEWER);
        String otherOwner = TestTokens.newOrgToken(Role.OWNER);

        given().auth().oauth2(otherViewer).get("/api/alerts/alerts/" + alertId).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:not-found"));
        given().auth().oauth2(otherViewer).get("/api/alerts/alerts").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(otherViewer).get("/api/alerts/alerts?unitId=" + f.unitId()).then().statusCode(200)
                .body("$", hasSize(0));
        putThreshold(otherOwner, f.unitId(), TEMPERATURE, "{\"min\": -50}").then().statusCode(404);
        listThresholds(otherOwner, f.unitId()).then().statusCode(404);

        // The owning org still sees its alert, and its viewers may read it.
        String viewer = TestTokens.token(UUID.randomUUID(), f.orgId(), Role.VIEWER);
        given().auth().oauth2(viewer).get("/api/alerts/alerts/" + alertId).then().statusCode(200)
                .body("id", equalTo(alertId));
    }

    @Test
    void badAlertQueriesAreRefused() {
        String viewer = TestTokens.newOrgToken(Role.VIEWER);
        given().auth().oauth2(viewer).get("/api/alerts/alerts?status=closed").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:validation-failed"));
        given().auth().oauth2(viewer).get("/api/alerts/alerts?unitId=fridge-1").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(viewer).get("/api/alerts/alerts/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
