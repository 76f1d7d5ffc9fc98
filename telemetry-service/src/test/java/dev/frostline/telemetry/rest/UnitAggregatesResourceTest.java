package dev.frostline.telemetry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Aggregates checked against values computed here, independently, with java.time: local days and
 * local hours around the most recent clock change of a few zones with daylight saving time.
 */
@QuarkusTest
class UnitAggregatesResourceTest extends QueryFixtureTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Instant RECENT = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.DAYS);

    /** JsonPath's default float would lose the digits the averages are compared to. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(NumberReturnType.DOUBLE);

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String path(UUID unitId) {
        return "/api/telemetry/units/" + unitId + "/aggregates";
    }

    /** The zone and local day of the latest clock change before now, among zones with daylight saving time. */
    private record ClockChange(ZoneId zone, LocalDate day) {

        static ClockChange latest() {
            Instant before = Instant.now().minus(2, ChronoUnit.DAYS);
            return Stream.of("Europe/Berlin", "America/New_York", "Australia/Sydney", "Pacific/Auckland",
                            "America/Santiago")
                    .map(ZoneId::of)
                    .map(zone -> Map.entry(zone, zone.getRules().previousTransition(before)))
                    .max(Comparator.comparing(e -> e.getValue().getInstant()))
                    .map(e -> new ClockChange(e.getKey(), localDay(e.getKey(), e.getValue())))
                    .orElseThrow();
        }

        private static LocalDate localDay(ZoneId zone, ZoneOffsetTransition transition) {
            return transition.getInstant().atZone(zone).toLocalDate();
        }
    }

    private record Expected(Instant start, DoubleSummaryStatistics stats) {
    }

    private static List<Expected> expected(List<Row> rows, Function<Instant, Instant> bucketOf) {
        TreeMap<Instant, DoubleSummaryStatistics> buckets = new TreeMap<>();
        for (Row row : rows) {
            buckets.computeIfAbsent(bucketOf.apply(row.recordedAt()), k -> new DoubleSummaryStatistics())
                    .accept(row.value());
        }
        return buckets.entrySet().stream().map(e -> new Expected(e.getKey(), e.getValue())).toList();
    }

    private static void assertPoints(JsonPath answer, List<Expected> expected, ZoneId zone) {
        List<Map<String, Object>> points = answer.getList("points");
        assertThat(points).hasSameSizeAs(expected);
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> point = points.get(i);
            Expected want = expected.get(i);
            assertThat(point.get("bucketStart")).isEqualTo(want.start().toString());
            assertThat(point.get("localStart")).isEqualTo(want.start().atZone(zone).toOffsetDateTime().toString());
            assertThat(((Number) point.get("count")).longValue()).isEqualTo(want.stats().getCount());
            assertThat(((Number) point.get("avg")).doubleValue()).isCloseTo(want.stats().getAverage(), within(1e-9));
            assertThat(((Number) point.get("min")).doubleValue()).isEqualTo(want.stats().getMin());
            assertThat(((Number) point.get("max")).doubleValue()).isEqualTo(want.stats().getMax());
        }
    }

    @Test
    void dayAndHourBucketsAcrossAClockChangeMatchAnIndependentComputation() {
        ClockChange change = ClockChange.latest();
        ZoneId zone = change.zone();
        Site site = QueryFixtures.newSite("Depot", zone.getId());
        UUID unit = queries.seedUnit(site, "Freezer");
        Instant from = change.day().minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = change.day().plusDays(2).atStartOfDay(zone).toInstant();
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(10)), i++) {
            rows.add(new Row("temperature_c", -20 + (i * 7 % 13) / 2.0, t));
        }
        rows.add(new Row("humidity_pct", 99, from.plusSeconds(60)));
        queries.insert(site, unit, rows);
        List<Row> temperatures = rows.stream().filter(r -> r.metric().equals("temperature_c")).toList();
        String token = site.viewerToken();

        JsonPath days = as(token).queryParam("metric", "temperature_c").queryParam("bucket", "1d")
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get(path(unit)).then().statusCode(200)
                .body("timeZone", equalTo(zone.getId()))
                .body("bucket", equalTo("1d"))
                .extract().jsonPath(DOUBLES);
        List<Expected> expectedDays = expected(temperatures,
                t -> t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
        assertThat(expectedDays).hasSize(3);
        long changeDayHours = Duration.between(change.day().atStartOfDay(zone),
                change.day().plusDays(1).atStartOfDay(zone)).toHours();
        assertThat(changeDayHours).isIn(23L, 25L);
        assertThat(expectedDays.get(1).stats().getCount()).isEqualTo(changeDayHours * 6);
        assertPoints(days, expectedDays, zone);

        JsonPath hours = as(token).queryParam("metric", "temperature_c").queryParam("bucket", "1h")
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get(path(unit)).then().statusCode(200).extract().jsonPath(DOUBLES);
        List<Expected> expectedHours = expected(temperatures,
                t -> t.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant());
        assertThat(expectedHours).hasSize((int) (48 + changeDayHours));
        assertPoints(hours, expectedHours, zone);
    }

    @Test
    void aSiteWithoutAZoneIsBucketedInUtcAndEmptyBucketsAreLeftOut() {
        Site site = QueryFixtures.newSite("Depot", null);
        UUID unit = queries.seedUnit(site, "Fridge");
        Instant day = RECENT.truncatedTo(ChronoUnit.DAYS);
        List<Row> rows = List.of(new Row("temperature_c", 4, day.plusSeconds(60)),
                new Row("temperature_c", 6, day.plusSeconds(14 * 60)),
                new Row("temperature_c", 3, day.plusSeconds(50 * 60)));
        queries.insert(site, unit, rows);

        JsonPath answer = as(site.viewerToken()).queryParam("metric", "temperature_c").queryParam("bucket", "15m")
                .queryParam("from", day.toString()).queryParam("to", day.plus(Duration.ofHours(1)).toString())
                .get(path(unit)).then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("points", hasSize(2))
                .extract().jsonPath(DOUBLES);
        assertPoints(answer, expected(rows, t -> Instant.ofEpochSecond(t.getEpochSecond() / 900 * 900)),
                ZoneId.of("UTC"));
        assertThat(answer.getString("points[0].localStart")).isEqualTo(day.atZone(ZoneId.of("UTC"))
                .toOffsetDateTime().toString());
    }

    @Test
    void anotherOrgsUnitIsNotFoundEvenForARangeOverTheCap() {
        Site site = QueryFixtures.newSite("Depot", "Europe/Berlin");
        UUID unit = queries.seedUnit(site, "Fridge");
        queries.insert(site, unit, List.of(new Row("temperature_c", 4, RECENT)));

        as(TestTokens.newOrgToken(Role.OWNER)).queryParam("metric", "temperature_c").queryParam("bucket", "1h")
                .queryParam("from", RECENT.minusSeconds(3600).toString())
                .queryParam("to", RECENT.plusSeconds(3600).toString())
                .get(path(unit)).then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:not-found"))
                .body("points", nullValue());
        as(TestTokens.newOrgToken(Role.OWNER)).queryParam("metric", "temperature_c").queryParam("bucket", "1m")
                .queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get(path(unit)).then().statusCode(404);
    }

    @Test
    void aRangeOverThePointCapIsRefusedWithTheMaxAndAWiderBucket() {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID unit = queries.seedUnit(site, "Fridge");

        as(site.viewerToken()).queryParam("metric", "temperature_c").queryParam("bucket", "1m")
                .queryParam("from", RECENT.minus(Duration.ofDays(7)).toString()).queryParam("to", RECENT.toString())
                .get(path(unit)).then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:too-many-points"))
                .body("detail", containsString("at most 10000 points"))
                .body("detail", containsString("bucket=5m"));
    }

    @Test
    void badBucketMetricAndRangeAreRefused() {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID unit = queries.seedUnit(site, "Fridge");
        String token = site.viewerToken();
        String from = RECENT.toString();
        String to = RECENT.plusSeconds(3600).toString();

        as(token).queryParam("metric", "temperature_c").queryParam("bucket", "2h").queryParam("from", from)
                .queryParam("to", to).get(path(unit)).then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:validation-failed"))
                .body("errors[0].field", equalTo("bucket"));
        as(token).queryParam("metric", "temperature_c").queryParam("bucket", "1h").queryParam("from", to)
                .queryParam("to", from).get(path(unit)).then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"))
                .body("errors[0].field", equalTo("to"));
        as(token).queryParam("bucket", "1h").queryParam("from", from).queryParam("to", to)
                .get(path(unit)).then().statusCode(400)
                .body("errors[0].field", equalTo("metric"));
        as(token).queryParam("metric", "temperature_c").queryParam("bucket", "1h").queryParam("from", from)
                .get(path(unit)).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }
}
