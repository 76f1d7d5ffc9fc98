package dev.frostline.alert.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frostline.alert.EngineDatabase;
import dev.frostline.alert.TestBus;
import dev.frostline.alert.TestBus.AlertTap;
import dev.frostline.alert.TestClock;
import dev.frostline.alert.Tenant;
import dev.frostline.alert.service.EvaluatingReadings.PositionedReading;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.AlertResolved;
import dev.frostline.contracts.events.ExcursionStateChanged;
import dev.frostline.contracts.events.ReadingRecorded;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The engine against the real Kafka and PostgreSQL: readings in on the topic, timers fired by hand
 * on the test's clock. {@link TestBus#barrier()} returns once everything published before it was
 * evaluated, so the "exactly one" checks need no sleeping.
 */
@QuarkusTest
class AlertEngineTest {

    @Inject
    TestBus bus;
    @Inject
    TestClock clock;
    @Inject
    FiringTimers timers;
    @Inject
    EvaluatingReadings evaluating;
    @Inject
    EngineDatabase db;
    @Inject
    Pool pool;
    @Inject
    MeterRegistry meters;

    private static ReadingRecorded reading(Tenant t, String metric, double value, Instant at) {
        return new ReadingRecorded(UUID.randomUUID(), t.orgId(), t.siteId(), t.unitId(), metric, value, at, at);
    }

    private static String unitThreshold(Tenant t, double max, String excursion, double deadband, String restore) {
        return "{\"scope\": {\"level\": \"unit\", \"id\": \"" + t.unitId() + "\"}, \"kind\": \"threshold\","
                + " \"metric\": \"temperature_c\", \"max\": " + max + ", \"excursionDuration\": \"" + excursion + "\","
                + " \"deadband\": " + deadband + ", \"minimumRestore\": \"" + restore + "\", \"severity\": \"critical\"}";
    }

    private Tenant roomAlarmingAtOnceAbove8() {
        Tenant t = Tenant.withUnit(bus, "room");
        t.createRule(unitThreshold(t, 8, "PT0S", 0, "PT0S"));
        return t;
    }

    private Row thresholdState(Tenant t) {
        return db.rows("select * from excursion_states where unit_id = $1 and rule_kind = 'threshold'", t.unitId())
                .get(0);
    }

    private double staleRetries() {
        return meters.get("frostline.alert.engine.stale.retries").counter().count();
    }

    private List<Row> alerts(Tenant t) {
        return db.rows("select * from alerts where unit_id = $1 order by opened_at", t.unitId());
    }

    @Test
    void aValueOscillatingAroundTheThresholdInsideTheDeadbandOpensExactlyOneAlert() {
        Tenant t = Tenant.withUnit(bus, "room");
        t.createRule(unitThreshold(t, 8, "PT0S", 1.0, "PT0S"));
        Instant start = clock.instant();
        double[] values = {9.0, 7.5, 8.5, 7.2, 8.9, 7.6, 8.1, 7.1, 9.4, 7.9};
        try (AlertTap tap = bus.tapAlerts(t.unitId())) {
            bus.barrier();
            for (int i = 0; i < values.length; i++) {
                bus.publishReading(reading(t, "temperature_c", values[i], start.plusSeconds(60L * i)));
            }
            bus.barrier();

            List<Row> alerts = alerts(t);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).getString("state")).isEqualTo("open");
            assertThat(alerts.get(0).getDouble("peak_value")).isEqualTo(9.4);

            // Inside the deadband (<= 7) it is restored: still one alert, now resolved.
            ReadingRecorded back = reading(t, "temperature_c", 6.5, start.plusSeconds(60L * values.length));
            bus.publishReading(back);
            bus.barrier();
            alerts = alerts(t);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).getString("state")).isEqualTo("resolved");
            assertThat(alerts.get(0).getString("resolution")).isEqualTo("auto");

            List<AlertEvent> events = tap.awaitEvents(e -> e.stream().anyMatch(AlertResolved.class::isInstance));
            assertThat(events.stream().filter(AlertOpened.class::isInstance)).hasSize(1);
            AlertOpened opened = (AlertOpened) events.stream().filter(AlertOpened.class::isInstance).findFirst().get();
            assertThat(opened.value()).isEqualTo(9.0);
            assertThat(opened.max()).isEqualTo(8.0);
            assertThat(opened.severity()).isEqualTo("critical");
            assertThat(opened.ruleKind()).isEqualTo("threshold");
            AlertResolved resolved = (AlertResolved) events.stream().filter(AlertResolved.class::isInstance)
                    .findFirst().get();
            assertThat(resolved.resolvingReadingId()).isEqualTo(back.eventId());
            assertThat(resolved.peak()).isEqualTo(9.4);
            assertThat(events.stream().filter(ExcursionStateChanged.class::isInstance)
                    .map(e -> ((ExcursionStateChanged) e).to()).toList())
                    .containsSubsequence("excursion", "alarm_active", "restoring", "ok");
        }
    }

    @Test
    void anExcursionWithNoFurtherReadingsAlarmsWhenItsDurationElapses() {
        Tenant t = Tenant.withUnit(bus, "room");
        t.createRule(unitThreshold(t, 8, "PT15M", 0.5, "PT5M"));
        Instant start = clock.instant();
        bus.barrier();
        bus.publishReading(reading(t, "temperature_c", 10.0, start));
        bus.barrier();
        assertThat(db.phase(t.unitId(), "threshold", "temperature_c")).isEqualTo("excursion");
        assertThat(alerts(t)).isEmpty();

        clock.advance(Duration.ofMinutes(14));
        timers.fireDue().await().indefinitely();
        assertThat(alerts(t)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        timers.fireDue().await().indefinitely();
        List<Row> alerts = alerts(t);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getOffsetDateTime("since").toInstant()).isEqualTo(start);
        assertThat(alerts.get(0).getOffsetDateTime("opened_at").toInstant()).isEqualTo(start.plus(Duration.ofMinutes(15)));
        assertThat(alerts.get(0).getUUID("triggering_reading_id")).isNull();
        assertThat(db.phase(t.unitId(), "threshold", "temperature_c")).isEqualTo("alarm_active");
        // Fired once: firing again changes nothing.
        timers.fireDue().await().indefinitely();
        assertThat(alerts(t)).hasSize(1);
        assertThat(db.notices(alerts.get(0).getUUID("id"))).containsExactly("opened staff");
    }

    @Test
    void theOfflineRuleFiresForAUnitThatNeverSentAReading() {
        Tenant t = Tenant.withUnit(bus, "freezer");
        t.createRule("{\"scope\": {\"level\": \"unit\", \"id\": \"" + t.unitId() + "\"}, \"kind\": \"offline\","
                + " \"offlineAfter\": \"PT20M\"}");
        // The offline watch starts when the unit appears in the projection (here: the next poll).
        for (int i = 0; i < 100 && db.phase(t.unitId(), "offline", "") == null; i++) {
            timers.startMonitoring().await().indefinitely();
        }
        assertThat(db.phase(t.unitId(), "offline", "")).isEqualTo("ok");
        Instant watched = clock.instant();

        clock.advance(Duration.ofMinutes(20));
        timers.fireDue().await().indefinitely();
        List<Row> alerts = alerts(t);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getString("rule_kind")).isEqualTo("offline");
        assertThat(alerts.get(0).getOffsetDateTime("opened_at").toInstant()).isEqualTo(watched.plus(Duration.ofMinutes(20)));
        assertThat(alerts.get(0).getString("severity")).isEqualTo("warning");

        // Any reading brings it back.
        bus.barrier();
        bus.publishReading(reading(t, "temperature_c", -20, clock.instant().plusSeconds(1)));
        bus.barrier();
        assertThat(alerts(t).get(0).getString("state")).isEqualTo("resolved");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        Tenant t = roomAlarmingAtOnceAbove8();
        String topic = "redelivery-test-" + UUID.randomUUID();
        Instant start = clock.instant();
        List<PositionedReading> batch = List.of(
                new PositionedReading(0, 0, reading(t, "temperature_c", 11, start)),
                new PositionedReading(0, 1, reading(t, "temperature_c", 12, start.plusSeconds(60))));

        evaluating.evaluate(topic, batch).await().indefinitely();
        long outbox = db.count("select count(*) from outbox where record_key = $1", t.unitId().toString());
        UUID alertId = alerts(t).get(0).getUUID("id");
        List<String> notices = db.notices(alertId);
        String state = db.rows("select * from excursion_states where unit_id = $1", t.unitId()).toString();

        evaluating.evaluate(topic, batch).await().indefinitely();
        // A record redelivered together with a new one: only the new one counts.
        evaluating.evaluate(topic, List.of(batch.get(1),
                new PositionedReading(0, 2, reading(t, "temperature_c", 13, start.plusSeconds(120))))).await().indefinitely();

        assertThat(alerts(t)).hasSize(1);
        assertThat(alerts(t).get(0).getDouble("peak_value")).isEqualTo(13.0);
        assertThat(db.notices(alertId)).isEqualTo(notices);
        assertThat(db.count("select count(*) from outbox where record_key = $1", t.unitId().toString()))
                .isEqualTo(outbox + 1);
        assertThat(db.count("select next_offset from consumer_positions where topic = $1", topic)).isEqualTo(3);
        assertThat(state).isNotBlank();

        // The same reading again under a new offset (a producer retry) is late for the state: no change.
        long before = db.count("select count(*) from outbox where record_key = $1", t.unitId().toString());
        evaluating.evaluate(topic, List.of(new PositionedReading(0, 3, batch.get(0).reading()))).await().indefinitely();
        assertThat(db.count("select count(*) from outbox where record_key = $1", t.unitId().toString())).isEqualTo(before);
    }

    @Test
    void aRuleChangeReEvaluatesTheLatestReadingWithoutANewOne() {
        Tenant t = Tenant.withUnit(bus, "room");
        String rule = t.createRule(unitThreshold(t, 8, "PT0S", 0, "PT0S"));
        bus.barrier();
        bus.publishReading(reading(t, "temperature_c", 10, clock.instant()));
        bus.barrier();
        assertThat(alerts(t)).hasSize(1);
        assertThat(alerts(t).get(0).getString("state")).isEqualTo("open");

        clock.advance(Duration.ofSeconds(30));
        given().auth().oauth2(t.manager()).contentType(ContentType.JSON).body(unitThreshold(t, 12, "PT0S", 0, "PT0S"))
                .put("/api/alerts/rules/" + rule).then().statusCode(200);

        List<Row> alerts = alerts(t);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getString("state")).isEqualTo("resolved");
        assertThat(alerts.get(0).getString("resolution")).isEqualTo("auto");
        assertThat(db.phase(t.unitId(), "threshold", "temperature_c")).isEqualTo("ok");

        // Tightened again below the latest value: it alarms at once, still without a reading.
        clock.advance(Duration.ofSeconds(30));
        given().auth().oauth2(t.manager()).contentType(ContentType.JSON).body(unitThreshold(t, 9, "PT0S", 0, "PT0S"))
                .put("/api/alerts/rules/" + rule).then().statusCode(200);
        assertThat(alerts(t)).hasSize(2);
        assertThat(db.phase(t.unitId(), "threshold", "temperature_c")).isEqualTo("alarm_active");

        // Deleting the only temperature rule of a room unit hands the key back to... nothing (rooms'
        // default is 15..25, which 10 is below): the state follows the default rule now.
        given().auth().oauth2(t.manager()).delete("/api/alerts/rules/" + rule).then().statusCode(204);
        assertThat(db.count("select count(*) from excursion_states where unit_id = $1 and rule_kind = 'threshold'",
                t.unitId())).isEqualTo(1);
    }

    @Test
    void aStateAnotherTransactionRewritesWhileABatchIsEvaluatedIsNotOverwrittenTheBatchRunsAgainOnTheNewRow() {
        Tenant t = roomAlarmingAtOnceAbove8();
        String topic = "stale-state-test-" + UUID.randomUUID();
        Instant start = clock.instant();
        evaluating.evaluate(topic, List.of(new PositionedReading(0, 0, reading(t, "temperature_c", 5, start))))
                .await().indefinitely();
        long version = thresholdState(t).getLong("row_version");
        double retries = staleRetries();

        // Another writer (a timer, a rule change) rewrites the row and holds it until the batch has read it
        // and is waiting to write it.
        SqlConnection other = pool.getConnection().await().indefinitely();
        try {
            Transaction writing = other.begin().await().indefinitely();
            other.preparedQuery("update excursion_states set row_version = row_version + 1, last_value = 6"
                    + " where unit_id = $1 and rule_kind = 'threshold'").execute(Tuple.of(t.unitId())).await().indefinitely();
            CompletableFuture<Void> batch = evaluating.evaluate(topic,
                            List.of(new PositionedReading(0, 1, reading(t, "temperature_c", 11, start.plusSeconds(60)))))
                    .subscribeAsCompletionStage();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> db.count("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like 'update excursion_states s set%'") == 1);
            writing.commit().await().indefinitely();
            batch.join();
        } finally {
            other.closeAndAwait();
        }

        // Both writes are in: the other one's (its version) and the batch's, evaluated again on top of it.
        Row state = thresholdState(t);
        assertThat(state.getLong("row_version")).isEqualTo(version + 2);
        assertThat(state.getDouble("last_value")).isEqualTo(11.0);
        assertThat(staleRetries()).isEqualTo(retries + 1);
        assertThat(alerts(t)).hasSize(1);
        assertThat(db.count("select next_offset from consumer_positions where topic = $1", topic)).isEqualTo(2);
    }

    @Test
    void everyEvaluatedBatchIsMeteredItsSizeItsDurationAndEachReadingsTimeFromAcceptanceToCommit() {
        Tenant t = roomAlarmingAtOnceAbove8();
        bus.barrier();
        DistributionSummary size = meters.get("frostline.alert.engine.batch.size").summary();
        Timer duration = meters.get("frostline.alert.engine.batch.duration").timer();
        Timer lag = meters.get("frostline.alert.engine.lag").timer();
        long batches = size.count();
        double readings = size.totalAmount();
        long timed = duration.count();
        long lagged = lag.count();
        double lagSeconds = lag.totalTime(TimeUnit.SECONDS);
        Instant now = clock.instant();
        // Accepted 30 s before the test clock's now: the lag counts from telemetry's acceptance, not recordedAt.
        List<PositionedReading> batch = List.of(
                new PositionedReading(0, 0, new ReadingRecorded(UUID.randomUUID(), t.orgId(), t.siteId(), t.unitId(),
                        "temperature_c", 5, now.minusSeconds(3600), now.minusSeconds(30))),
                new PositionedReading(0, 1, new ReadingRecorded(UUID.randomUUID(), t.orgId(), t.siteId(), t.unitId(),
                        "temperature_c", 6, now.minusSeconds(3500), now.minusSeconds(30))),
                new PositionedReading(0, 2, null));

        evaluating.evaluate("meters-test-" + UUID.randomUUID(), batch).await().indefinitely();

        assertThat(size.count()).isEqualTo(batches + 1);
        assertThat(size.totalAmount()).isEqualTo(readings + 3);
        assertThat(duration.count()).isEqualTo(timed + 1);
        // The unreadable record has no acceptance time: two readings lagged, 30 s each on the fixed test clock.
        assertThat(lag.count()).isEqualTo(lagged + 2);
        assertThat(lag.totalTime(TimeUnit.SECONDS) - lagSeconds).isCloseTo(60.0, within(0.001));
    }
}
