package dev.frostline.telemetry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.contracts.Role;
import dev.frostline.telemetry.QueryFixtureTest;
import dev.frostline.telemetry.QueryFixtures;
import dev.frostline.telemetry.QueryFixtures.Row;
import dev.frostline.telemetry.QueryFixtures.Site;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The battery forecast of a sensor, from its own battery_pct readings. */
@QuarkusTest
class BatteryForecastResourceTest extends QueryFixtureTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String path(UUID sensorId) {
        return "/api/telemetry/sensors/" + sensorId + "/battery-forecast";
    }

    /** A reading a day for {@code days} days up to about now, falling by {@code perDay}. */
    private static List<Row> daily(int days, double start, double perDay) {
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            rows.add(new Row("battery_pct", start + perDay * i, now.minus(Duration.ofDays(days - 1 - i))));
        }
        return rows;
    }

    @Test
    void aSteadyDrainForecastsTheDaysUntilTheLowThreshold() {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID unit = queries.seedUnit(site, "Freezer");
        UUID sensor = queries.seedSensor(site.orgId(), unit, site.siteId());
        List<Row> rows = new ArrayList<>(daily(10, 79, -1));
        // Other metrics of the unit are not battery history.
        rows.add(new Row("temperature_c", 100, Instant.now().minus(Duration.ofDays(3))));
        queries.insert(site, unit, sensor, rows);

        JsonPath answer = as(site.viewerToken()).get(path(sensor)).then().statusCode(200)
                .body("sensorId", equalTo(sensor.toString()))
                .body("unitId", equalTo(unit.toString()))
                .body("status", equalTo("expected"))
                .body("points", equalTo(10))
                .body("reason", nullValue())
                .extract().jsonPath(new JsonPathConfig(NumberReturnType.DOUBLE));
        // 70 % now, 1 % a day, threshold 20 %: 50 days (less the moments since the readings were made).
        assertThat(answer.getDouble("thresholdPct")).isEqualTo(20.0);
        assertThat(answer.getDouble("daysUntilThreshold")).isCloseTo(50, within(0.01));
        assertThat(answer.getDouble("slopePctPerDay")).isCloseTo(-1, within(1e-6));
        assertThat(Instant.parse(answer.getString("expectedAt")))
                .isBetween(Instant.now().plus(Duration.ofDays(49)), Instant.now().plus(Duration.ofDays(51)));
    }

    @Test
    void twoSensorsOnOneUnitEachGetTheForecastOfTheirOwnBattery() {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID unit = queries.seedUnit(site, "Freezer");
        UUID slow = queries.seedSensor(site.orgId(), unit, site.siteId());
        UUID fast = queries.seedSensor(site.orgId(), unit, site.siteId());
        queries.insert(site, unit, slow, daily(10, 79, -1));
        queries.insert(site, unit, fast, daily(10, 90, -2));
        // Readings of the unit that name no sensor are nobody's battery.
        queries.insert(site, unit, daily(10, 100, 5));
        String token = site.viewerToken();

        JsonPath slowAnswer = as(token).get(path(slow)).then().statusCode(200)
                .body("sensorId", equalTo(slow.toString()))
                .body("unitId", equalTo(unit.toString()))
                .body("status", equalTo("expected"))
                .body("points", equalTo(10))
                .extract().jsonPath(new JsonPathConfig(NumberReturnType.DOUBLE));
        JsonPath fastAnswer = as(token).get(path(fast)).then().statusCode(200)
                .body("sensorId", equalTo(fast.toString()))
                .body("status", equalTo("expected"))
                .body("points", equalTo(10))
                .extract().jsonPath(new JsonPathConfig(NumberReturnType.DOUBLE));
        // 70 % at 1 % a day and 72 % at 2 % a day, down to 20 %: 50 and 26 days.
        assertThat(slowAnswer.getDouble("slopePctPerDay")).isCloseTo(-1, within(1e-6));
        assertThat(slowAnswer.getDouble("daysUntilThreshold")).isCloseTo(50, within(0.01));
        assertThat(fastAnswer.getDouble("slopePctPerDay")).isCloseTo(-2, within(1e-6));
        assertThat(fastAnswer.getDouble("daysUntilThreshold")).isCloseTo(26, within(0.01));
    }

    @Test
    void tooFewReadingsARisingLevelOrNoUnitAnswerUnknown() {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID thin = queries.seedUnit(site, "Thin");
        UUID rising = queries.seedUnit(site, "Rising");
        UUID thinSensor = queries.seedSensor(site.orgId(), thin, site.siteId());
        UUID risingSensor = queries.seedSensor(site.orgId(), rising, site.siteId());
        UUID loose = queries.seedSensor(site.orgId(), null, null);
        queries.insert(site, thin, thinSensor, daily(4, 80, -1));
        queries.insert(site, rising, risingSensor, daily(8, 30, 8));
        String token = site.viewerToken();

        as(token).get(path(thinSensor)).then().statusCode(200)
                .body("status", equalTo("unknown"))
                .body("points", equalTo(4))
                .body("daysUntilThreshold", nullValue())
                .body("reason", containsString("at least 5"));
        as(token).get(path(risingSensor)).then().statusCode(200)
                .body("status", equalTo("unknown"))
                .body("reason", containsString("not falling"));
        as(token).get(path(loose)).then().statusCode(200)
                .body("status", equalTo("unknown"))
                .body("unitId", nullValue());
    }

    @Test
    void anotherOrgsSensorIsNotFoundAndShowsNothing() {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID unit = queries.seedUnit(site, "Freezer");
        UUID sensor = queries.seedSensor(site.orgId(), unit, site.siteId());
        queries.insert(site, unit, sensor, daily(10, 79, -1));

        as(TestTokens.newOrgToken(Role.OWNER)).get(path(sensor)).then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:not-found"))
                .body("status", equalTo(404))
                .body("daysUntilThreshold", nullValue());
        as(site.viewerToken()).get(path(UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM_JSON);
        as(site.viewerToken()).get("/api/telemetry/sensors/not-a-uuid/battery-forecast").then().statusCode(404);
    }
}
