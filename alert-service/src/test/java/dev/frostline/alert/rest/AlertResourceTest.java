package dev.frostline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.alert.EngineDatabase;
import dev.frostline.alert.TestBus;
import dev.frostline.alert.TestClock;
import dev.frostline.alert.Tenant;
import dev.frostline.alert.service.FiringTimers;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.events.ReadingRecorded;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertResourceTest {

    @Inject
    TestBus bus;
    @Inject
    TestClock clock;
    @Inject
    FiringTimers timers;
    @Inject
    EngineDatabase db;

    private static final String ESCALATION = "\"escalation\": {\"firstAudience\": \"staff\", \"renotifyEvery\": \"PT10M\","
            + " \"steps\": [{\"after\": \"PT25M\", \"audience\": \"manager\"}, {\"after\": \"PT50M\", \"audience\": \"admin\"}]}";

    /** A unit rule max 8 °C; with {@code excursion} PT0S it alarms at the first reading above. */
    private UUID openAlert(Tenant t, String excursion, String severity) {
        t.createRule("{\"scope\": {\"level\": \"unit\", \"id\": \"" + t.unitId() + "\"}, \"kind\": \"threshold\","
                + " \"metric\": \"temperature_c\", \"max\": 8, \"excursionDuration\": \"" + excursion + "\","
                + " \"severity\": \"" + severity + "\", " + ESCALATION + "}");
        Instant at = clock.instant();
        bus.barrier();
        bus.publishReading(new ReadingRecorded(UUID.randomUUID(), t.orgId(), t.siteId(), t.unitId(), "temperature_c",
                10, at, at));
        bus.barrier();
        if (!"PT0S".equals(excursion)) {
            clock.advance(Duration.parse(excursion));
            timers.fireDue().await().indefinitely();
        }
        return db.rows("select id from alerts where unit_id = $1 and state <> 'resolved'", t.unitId()).get(0).getUUID("id");
    }

    private static Response act(String token, UUID alertId, String action, String note) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(note == null ? "{}" : "{\"note\": \"" + note + "\"}")
                .post("/api/alerts/alerts/" + alertId + "/" + action);
    }

    @Test
    void anUnacknowledgedAlertRemindsAndEscalatesOnTheClockAndStopsOnceAcknowledged() {
        Tenant t = Tenant.withUnit(bus, "room");
        UUID alert = openAlert(t, "PT0S", "critical");
        assertThat(db.notices(alert)).containsExactly("opened staff");

        clock.advance(Duration.ofMinutes(10));
        timers.fireDue().await().indefinitely();
        assertThat(db.notices(alert)).containsExactly("opened staff", "reminder staff");

        clock.advance(Duration.ofMinutes(15));
        timers.fireDue().await().indefinitely();
        // 20 min: the second reminder; 25 min: escalated to managers.
        assertThat(db.notices(alert)).containsExactly("opened staff", "reminder staff", "reminder staff",
                "escalated manager");
        timers.fireDue().await().indefinitely();
        assertThat(db.notices(alert)).hasSize(4);

        clock.advance(Duration.ofMinutes(1));
        act(t.token(Role.STAFF), alert, "acknowledge", "Door was left open, closed it").then().statusCode(200)
                .body("state", equalTo("acknowledged"))
                .body("acknowledgeNote", equalTo("Door was left open, closed it"))
                .body("acknowledgedBy", equalTo(t.userId(Role.STAFF).toString()));
        clock.advance(Duration.ofHours(2));
        timers.fireDue().await().indefinitely();
        assertThat(db.notices(alert)).containsExactly("opened staff", "reminder staff", "reminder staff",
                "escalated manager", "acknowledged manager");
        assertThat(db.count("select count(*) from timers where alert_id = $1", alert)).isZero();

        given().auth().oauth2(t.token(Role.VIEWER)).get("/api/alerts/alerts/" + alert).then().statusCode(200)
                .body("timeline.entry", org.hamcrest.Matchers.hasItems("opened", "reminder", "escalated",
                        "acknowledged"));
    }

    @Test
    void acknowledgingNeedsStaffAndResolvingNeedsAManagerAndBothANote() {
        Tenant t = Tenant.withUnit(bus, "room");
        UUID alert = openAlert(t, "PT10M", "warning");

        act(t.token(Role.VIEWER), alert, "acknowledge", "seen").then().statusCode(403)
                .contentType("application/problem+json");
        act(t.token(Role.STAFF), alert, "acknowledge", null).then().statusCode(400);
        act(t.token(Role.STAFF), alert, "acknowledge", "seen").then().statusCode(200);
        act(t.token(Role.STAFF), alert, "acknowledge", "again").then().statusCode(409);

        act(t.token(Role.STAFF), alert, "resolve", "fixed").then().statusCode(403);
        act(t.manager(), alert, "resolve", " ").then().statusCode(400);
        act(t.manager(), alert, "resolve", "Compressor replaced").then().statusCode(200)
                .body("state", equalTo("resolved")).body("resolution", equalTo("manual"))
                .body("resolveNote", equalTo("Compressor replaced"));
        act(t.manager(), alert, "resolve", "twice").then().statusCode(409);
        // Still 10 °C: a new excursion starts from the resolve, no second alert before its duration.
        assertThat(db.phase(t.unitId(), "threshold", "temperature_c")).isEqualTo("excursion");
        assertThat(db.alertsOfUnit(t.unitId())).isEqualTo(1);
        assertThat(db.notices(alert)).contains("resolved staff");
    }

    @Test
    void anotherOrgsAlertIsNotFound() {
        Tenant a = Tenant.withUnit(bus, "room");
        Tenant b = Tenant.withUnit(bus, "room");
        UUID alert = openAlert(a, "PT0S", "critical");

        given().auth().oauth2(b.manager()).get("/api/alerts/alerts/" + alert).then().statusCode(404)
                .body("type", equalTo("urn:frostline:problem:not-found"));
        act(b.token(Role.OWNER), alert, "acknowledge", "mine?").then().statusCode(404);
        act(b.token(Role.OWNER), alert, "resolve", "mine?").then().statusCode(404);
        given().auth().oauth2(b.manager()).get("/api/alerts/alerts").then().statusCode(200).body("alerts", hasSize(0));
        given().auth().oauth2(a.manager()).get("/api/alerts/alerts/" + alert).then().statusCode(200)
                .body("state", equalTo("open"));
    }

    @Test
    void historyFiltersBySiteUnitStateSeverityAndTimeAndPagesWithACursor() {
        Tenant t = Tenant.withUnit(bus, "room");
        Instant before = clock.instant();
        UUID first = openAlert(t, "PT0S", "critical");
        clock.advance(Duration.ofMinutes(1));
        // After the manual resolve the value is still out: with no duration a new alarm opens at once.
        act(t.manager(), first, "resolve", "done").then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        Instant at = clock.instant();
        bus.publishReading(new ReadingRecorded(UUID.randomUUID(), t.orgId(), t.siteId(), t.unitId(), "temperature_c",
                11, at, at));
        bus.barrier();
        String token = t.token(Role.VIEWER);
        String base = "/api/alerts/alerts?unitId=" + t.unitId();

        given().auth().oauth2(token).get(base).then().statusCode(200).body("alerts", hasSize(2));
        given().auth().oauth2(token).get(base + "&state=resolved").then().body("alerts", hasSize(1))
                .body("alerts[0].id", equalTo(first.toString()));
        given().auth().oauth2(token).get(base + "&state=open").then().body("alerts", hasSize(1));
        given().auth().oauth2(token).get(base + "&severity=warning").then().body("alerts", hasSize(0));
        given().auth().oauth2(token).get("/api/alerts/alerts?siteId=" + t.siteId()).then().body("alerts", hasSize(2));
        given().auth().oauth2(token).get("/api/alerts/alerts?siteId=" + UUID.randomUUID()).then().body("alerts", hasSize(0));
        given().auth().oauth2(token).get(base + "&from=" + before.plusSeconds(30)).then().body("alerts", hasSize(1));
        given().auth().oauth2(token).get(base + "&to=" + before.plusSeconds(30)).then().body("alerts", hasSize(1));

        Response page1 = given().auth().oauth2(token).get(base + "&limit=1");
        page1.then().statusCode(200).body("alerts", hasSize(1));
        String cursor = page1.path("nextCursor");
        Response page2 = given().auth().oauth2(token).get(base + "&limit=1&cursor=" + cursor);
        page2.then().statusCode(200).body("alerts", hasSize(1)).body("nextCursor", nullValue());
        assertThat(List.of(page1.<String>path("alerts[0].id"), page2.<String>path("alerts[0].id")))
                .doesNotHaveDuplicates().contains(first.toString());

        given().auth().oauth2(token).get(base + "&state=closed").then().statusCode(400);
        given().auth().oauth2(token).get(base + "&cursor=nonsense").then().statusCode(400);
        given().auth().oauth2(token).get(base + "&limit=0").then().statusCode(400);
    }
}
