package dev.frostline.telemetry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.Role;
import dev.frostline.telemetry.QueryFixtureTest;
import dev.frostline.telemetry.QueryFixtures;
import dev.frostline.telemetry.QueryFixtures.Row;
import dev.frostline.telemetry.QueryFixtures.Site;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The streamed CSV export: content row by row, a large range streamed, tenancy and bad input. */
@QuarkusTest
class ReadingExportResourceTest extends QueryFixtureTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String HEADER = "site,unit,metric,value,local_time,utc_time";
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.DAYS);

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String unitPath(UUID unitId) {
        return "/api/telemetry/units/" + unitId + "/export";
    }

    private static String sitePath(UUID siteId) {
        return "/api/telemetry/sites/" + siteId + "/export";
    }

    private static String local(Instant t, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
    }

    @Test
    void aSiteExportListsEveryReadingRowByRowWithNamesLocalTimeAndUtc() {
        ZoneId zone = ZoneId.of("America/New_York");
        Site site = QueryFixtures.newSite("Depot \"North\", NY", zone.getId());
        UUID fridge = queries.seedUnit(site, "=Fridge\n1");
        UUID freezer = queries.seedUnit(site, "Freezer");
        Site otherSite = new Site(site.orgId(), UUID.randomUUID(), "Shop", zone.getId());
        UUID elsewhere = queries.seedUnit(otherSite, "Elsewhere");
        queries.insert(site, fridge, List.of(new Row("temperature_c", 4.25, T0),
                new Row("humidity_pct", 61, T0.plusSeconds(60))));
        queries.insert(site, freezer, List.of(new Row("temperature_c", -18.5, T0.plusSeconds(30)),
                new Row("temperature_c", -19, T0.plusSeconds(3600))));
        queries.insert(otherSite, elsewhere, List.of(new Row("temperature_c", 5, T0.plusSeconds(10))));

        Response response = as(site.viewerToken()).queryParam("from", T0.toString())
                .queryParam("to", T0.plusSeconds(3600).toString())
                .get(sitePath(site.siteId()));
        response.then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"readings-site-" + site.siteId() + ".csv\""));
        String siteCell = "\"Depot \"\"North\"\", NY\"";
        assertThat(response.asString()).isEqualTo(HEADER + "\r\n"
                + siteCell + ",\"'=Fridge\n1\",temperature_c,4.25," + local(T0, zone) + "," + T0 + "\r\n"
                + siteCell + ",Freezer,temperature_c,-18.5," + local(T0.plusSeconds(30), zone) + ","
                + T0.plusSeconds(30) + "\r\n"
                + siteCell + ",\"'=Fridge\n1\",humidity_pct,61," + local(T0.plusSeconds(60), zone) + ","
                + T0.plusSeconds(60) + "\r\n");

        String unitOnly = as(site.viewerToken()).queryParam("from", T0.toString())
                .queryParam("to", T0.plusSeconds(7200).toString()).queryParam("metric", "temperature_c")
                .get(unitPath(freezer)).then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"readings-unit-" + freezer + ".csv\""))
                .extract().asString();
        assertThat(unitOnly.split("\r\n")).containsExactly(HEADER,
                siteCell + ",Freezer,temperature_c,-18.5," + local(T0.plusSeconds(30), zone) + "," + T0.plusSeconds(30),
                siteCell + ",Freezer,temperature_c,-19," + local(T0.plusSeconds(3600), zone) + ","
                        + T0.plusSeconds(3600));
    }

    /**
     * Tens of thousands of rows come back chunked (no Content-Length: the size was never known, so the
     * body was never assembled in memory) and complete, read line by line from the socket.
     */
    @Test
    void aLargeRangeIsStreamedInChunksAndComplete() throws IOException {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID unit = queries.seedUnit(site, "Freezer");
        int rows = 50_000;
        Instant start = T0.minus(Duration.ofMinutes(rows));
        queries.insertSeries(site, unit, "temperature_c", start, Duration.ofMinutes(1), rows);

        Response response = as(site.viewerToken()).queryParam("from", start.toString())
                .queryParam("to", T0.toString()).get(unitPath(unit));
        response.then().statusCode(200);
        assertThat(response.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        assertThat(response.header("Content-Length")).isNull();

        long lines = 0;
        String first = null;
        String last = null;
        try (InputStream body = response.asInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines == 1) {
                    first = line;
                }
                last = line;
                lines++;
            }
        }
        assertThat(lines).isEqualTo(rows + 1L);
        assertThat(first).isEqualTo("Depot,Freezer,temperature_c,0," + local(start, ZoneId.of("UTC")) + "," + start);
        Instant lastAt = start.plus(Duration.ofMinutes(rows - 1));
        assertThat(last).isEqualTo("Depot,Freezer,temperature_c,9.9," + local(lastAt, ZoneId.of("UTC")) + "," + lastAt);
    }

    @Test
    void anotherOrgsUnitOrSiteIsNotFoundBeforeAnyRow() {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID unit = queries.seedUnit(site, "Fridge");
        queries.insert(site, unit, List.of(new Row("temperature_c", 4, T0)));
        String stranger = TestTokens.newOrgToken(Role.OWNER);

        for (String path : List.of(unitPath(unit), sitePath(site.siteId()))) {
            String body = as(stranger).queryParam("from", T0.minusSeconds(60).toString())
                    .queryParam("to", T0.plusSeconds(60).toString()).get(path).then().statusCode(404)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:frostline:problem:not-found"))
                    .extract().asString();
            assertThat(body).doesNotContain("Fridge", "temperature_c");
        }
    }

    @Test
    void aMissingOrEmptyRangeIsRefused() {
        Site site = QueryFixtures.newSite("Depot", "UTC");
        UUID unit = queries.seedUnit(site, "Fridge");
        String token = site.viewerToken();

        as(token).queryParam("from", T0.toString()).get(unitPath(unit)).then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:validation-failed"))
                .body("errors[0].field", equalTo("to"));
        as(token).queryParam("from", T0.toString()).queryParam("to", T0.toString()).get(sitePath(site.siteId()))
                .then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        as(token).queryParam("from", T0.toString()).queryParam("to", T0.plusSeconds(1).toString())
                .queryParam("metric", "pressure").get(unitPath(unit)).then().statusCode(400)
                .body("errors[0].field", equalTo("metric"));
    }
}
