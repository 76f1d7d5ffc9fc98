package dev.frostline.telemetry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Raw readings of a unit and of a site: keyset pages, filters, tenancy and bad parameters. */
@QuarkusTest
class ReadingPagesTest extends QueryFixtureTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String unitPath(UUID unitId) {
        return "/api/telemetry/units/" + unitId + "/readings";
    }

    private static String sitePath(UUID siteId) {
        return "/api/telemetry/sites/" + siteId + "/readings";
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutGapsOrRepeats() {
        Site site = QueryFixtures.newSite("Depot", "Europe/Berlin");
        UUID unit = queries.seedUnit(site, "Freezer 1");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Pairs share a recordedAt, so the id breaks ties and a page boundary may fall inside a pair.
            rows.add(new Row("temperature_c", -18 - i, T0.plusSeconds(60L * (i / 2))));
        }
        queries.insert(site, unit, rows);
        String token = site.viewerToken();

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(token).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(unitPath(unit)).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("readings.id");
            pageSizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        List<String> all = as(token).queryParam("limit", 1000).get(unitPath(unit)).then().statusCode(200)
                .extract().jsonPath().getList("readings.id");
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().isEqualTo(all);
        List<String> recordedAt = as(token).queryParam("limit", 1000).get(unitPath(unit)).then()
                .extract().jsonPath().getList("readings.recordedAt");
        assertThat(recordedAt.get(0)).isEqualTo(T0.plusSeconds(60L * 12).toString());
    }

    @Test
    void siteReadingsHoldTheSitesUnitsOnlyFilteredByMetricAndRange() {
        Site site = QueryFixtures.newSite("Depot", "Europe/Berlin");
        UUID fridge = queries.seedUnit(site, "Fridge");
        UUID freezer = queries.seedUnit(site, "Freezer");
        Site otherSite = new Site(site.orgId(), UUID.randomUUID(), "Shop", "Europe/Berlin");
        UUID elsewhere = queries.seedUnit(otherSite, "Shop fridge");
        queries.insert(site, fridge, List.of(new Row("temperature_c", 4, T0), new Row("humidity_pct", 60, T0)));
        queries.insert(site, freezer, List.of(new Row("temperature_c", -18, T0.plusSeconds(60)),
                new Row("temperature_c", -19, T0.plusSeconds(120))));
        queries.insert(otherSite, elsewhere, List.of(new Row("temperature_c", 5, T0.plusSeconds(30))));
        String token = site.viewerToken();

        as(token).get(sitePath(site.siteId())).then().statusCode(200)
                .body("siteId", equalTo(site.siteId().toString()))
                .body("readings", hasSize(4))
                .body("readings[0].unitId", equalTo(freezer.toString()))
                .body("readings[0].value", equalTo(-19.0f))
                .body("nextCursor", nullValue());
        as(token).queryParam("metric", "temperature_c").queryParam("from", T0.plusSeconds(1).toString())
                .queryParam("to", T0.plusSeconds(120).toString())
                .get(sitePath(site.siteId())).then().statusCode(200)
                .body("readings", hasSize(1))
                .body("readings[0].value", equalTo(-18.0f));
        as(token).queryParam("limit", 3).get(sitePath(site.siteId())).then().statusCode(200)
                .body("readings", hasSize(3))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anotherOrgsSiteIsNotFoundAndShowsNothing() {
        Site site = QueryFixtures.newSite("Depot", "Europe/Berlin");
        UUID unit = queries.seedUnit(site, "Fridge");
        queries.insert(site, unit, List.of(new Row("temperature_c", 4, T0)));

        as(TestTokens.newOrgToken(Role.OWNER)).get(sitePath(site.siteId())).then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:not-found"))
                .body("readings", nullValue());
        as(site.viewerToken()).get(sitePath(UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void malformedCursorAndEmptyRangeAreRefused() {
        Site site = QueryFixtures.newSite("Depot", "Europe/Berlin");
        UUID unit = queries.seedUnit(site, "Fridge");
        String token = site.viewerToken();

        for (String path : List.of(unitPath(unit), sitePath(site.siteId()))) {
            as(token).queryParam("cursor", "not-a-cursor").get(path).then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:frostline:problem:validation-failed"))
                    .body("errors[0].field", equalTo("cursor"));
            as(token).queryParam("from", T0.toString()).queryParam("to", T0.toString()).get(path).then()
                    .statusCode(400)
                    .body("type", equalTo("urn:frostline:problem:validation-failed"))
                    .body("errors[0].field", equalTo("to"));
        }
    }
}
