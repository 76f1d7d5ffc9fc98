package dev.frostline.telemetry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frostline.telemetry.QueryFixtureTest;
import dev.frostline.telemetry.QueryFixtures;
import dev.frostline.telemetry.QueryFixtures.Row;
import dev.frostline.telemetry.QueryFixtures.Site;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The 15-minute rollups against the readings they sum, for random readings (seeded, so a failure
 * repeats) in zones whose hours and days the rollups must tile exactly: Asia/Kathmandu (+5:45) and a
 * zone with a clock change inside the data. Aggregates of 15m, 1h and 1d are checked against values
 * computed here with java.time, for ranges on and off the quarter hours.
 */
@QuarkusTest
class RollupAggregatesTest extends QueryFixtureTest {

    private static final JsonPathConfig DOUBLES = new JsonPathConfig(NumberReturnType.DOUBLE);

    private record Seeded(Site site, UUID unit, List<Row> rows, Instant from, Instant to) {
    }

    @Test
    void rollupsAndAggregatesMatchTheRawReadingsInKathmandu() throws SQLException {
        ZoneId zone = ZoneId.of("Asia/Kathmandu");
        LocalDate day = LocalDate.now(zone).minusDays(5);
        checkZone(seed(zone, day.atStartOfDay(zone).toInstant(), day.plusDays(3).atStartOfDay(zone).toInstant(),
                5745L), zone, 5745L);
    }

    @Test
    void rollupsAndAggregatesMatchTheRawReadingsAcrossAClockChange() throws SQLException {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Instant change = zone.getRules().previousTransition(Instant.now().minus(2, ChronoUnit.DAYS)).getInstant();
        LocalDate day = change.atZone(zone).toLocalDate();
        checkZone(seed(zone, day.minusDays(1).atStartOfDay(zone).toInstant(),
                day.plusDays(2).atStartOfDay(zone).toInstant(), 2025L), zone, 2025L);
    }

    private Seeded seed(ZoneId zone, Instant from, Instant to, long seed) {
        Random random = new Random(seed);
        Site site = QueryFixtures.newSite("Depot", zone.getId());
        UUID unit = queries.seedUnit(site, "Freezer");
        List<Row> rows = new ArrayList<>();
        long span = Duration.between(from, to).toSeconds();
        for (int i = 0; i < 3000; i++) {
            // Some readings exactly on a quarter hour, where a bucket of the rollups begins.
            long second = i % 10 == 0 ? random.nextInt((int) (span / 900)) * 900L : random.nextInt((int) span);
            rows.add(new Row("temperature_c", Math.round((random.nextGaussian() * 3 - 18) * 100) / 100.0,
                    from.plusSeconds(second)));
        }
        // Stored in an order unrelated to time, in several batches, as a persister may receive them.
        Collections.shuffle(rows, random);
        queries.insert(site, unit, rows);
        return new Seeded(site, unit, rows, from, to);
    }

    private void checkZone(Seeded seeded, ZoneId zone, long seed) throws SQLException {
        assertRollupsAreTheGroupByOfReadings(seeded.unit());
        Random random = new Random(seed + 1);
        List<Instant[]> windows = new ArrayList<>();
        windows.add(new Instant[] {seeded.from(), seeded.to()});
        for (int i = 0; i < 4; i++) {
            // Off the quarter hours at both ends (a few within one quarter hour of each other too).
            long span = Duration.between(seeded.from(), seeded.to()).toSeconds();
            long a = random.nextInt((int) span);
            long b = Math.min(span, i == 0 ? a + 1 + random.nextInt(800) : a + 1 + random.nextInt((int) (span - a)));
            windows.add(new Instant[] {seeded.from().plusSeconds(a), seeded.from().plusSeconds(b)});
        }
        for (Instant[] window : windows) {
            Instant from = window[0];
            Instant to = window[1];
            Instant origin = from.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            List<Row> inside = seeded.rows().stream()
                    .filter(r -> !r.recordedAt().isBefore(from) && r.recordedAt().isBefore(to)).toList();
            assertAnswer(seeded, "15m", from, to, inside, zone, t -> fixed(origin, Duration.ofMinutes(15), t));
            assertAnswer(seeded, "1h", from, to, inside, zone, t -> fixed(origin, Duration.ofHours(1), t));
            assertAnswer(seeded, "1d", from, to, inside, zone,
                    t -> t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
        }
    }

    private static Instant fixed(Instant origin, Duration width, Instant t) {
        return origin.plus(width.multipliedBy(Math.floorDiv(Duration.between(origin, t).toSeconds(), width.toSeconds())));
    }

    private void assertAnswer(Seeded seeded, String bucket, Instant from, Instant to, List<Row> rows, ZoneId zone,
            Function<Instant, Instant> bucketOf) {
        TreeMap<Instant, DoubleSummaryStatistics> expected = new TreeMap<>();
        for (Row row : rows) {
            expected.computeIfAbsent(bucketOf.apply(row.recordedAt()), k -> new DoubleSummaryStatistics())
                    .accept(row.value());
        }
        JsonPath answer = given().auth().oauth2(seeded.site().viewerToken())
                .queryParam("metric", "temperature_c").queryParam("bucket", bucket)
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/telemetry/units/" + seeded.unit() + "/aggregates").then().statusCode(200)
                .extract().jsonPath(DOUBLES);
        List<Map<String, Object>> points = answer.getList("points");
        String window = bucket + " over [" + from + ", " + to + ") in " + zone;
        assertThat(points).as(window).hasSize(expected.size());
        int i = 0;
        for (Map.Entry<Instant, DoubleSummaryStatistics> want : expected.entrySet()) {
            Map<String, Object> point = points.get(i++);
            assertThat(point.get("bucketStart")).as(window).isEqualTo(want.getKey().toString());
            assertThat(((Number) point.get("count")).longValue()).as(window).isEqualTo(want.getValue().getCount());
            assertThat(((Number) point.get("avg")).doubleValue()).as(window)
                    .isCloseTo(want.getValue().getAverage(), within(1e-9));
            assertThat(((Number) point.get("min")).doubleValue()).as(window).isEqualTo(want.getValue().getMin());
            assertThat(((Number) point.get("max")).doubleValue()).as(window).isEqualTo(want.getValue().getMax());
        }
    }

    private void assertRollupsAreTheGroupByOfReadings(UUID unit) throws SQLException {
        List<List<Object>> rollups = rows("select bucket_start, n, sum, min, max from reading_rollups_15m"
                + " where unit_id = ? order by 1", unit);
        List<List<Object>> groupBy = rows("select date_bin(interval '15 minutes', recorded_at, timestamptz '2000-01-01Z'),"
                + " count(*), sum(value), min(value), max(value) from readings where unit_id = ? group by 1 order by 1", unit);
        assertThat(rollups).hasSameSizeAs(groupBy).isNotEmpty();
        for (int i = 0; i < rollups.size(); i++) {
            List<Object> rollup = rollups.get(i);
            List<Object> raw = groupBy.get(i);
            assertThat(rollup.get(0)).isEqualTo(raw.get(0));
            assertThat(rollup.get(1)).isEqualTo(raw.get(1));
            assertThat((Double) rollup.get(2)).isCloseTo((Double) raw.get(2), within(1e-9));
            assertThat(rollup.subList(3, 5)).isEqualTo(raw.subList(3, 5));
        }
    }

    private List<List<Object>> rows(String sql, UUID unit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, unit);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(List.of(result.getObject(1, java.time.OffsetDateTime.class).toInstant(), result.getLong(2),
                            result.getDouble(3), result.getDouble(4), result.getDouble(5)));
                }
            }
            return rows;
        }
    }
}
