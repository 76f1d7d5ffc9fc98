package dev.frostline.telemetry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
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
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard view: the newest reading of each metric of each unit of a site. */
@QuarkusTest
class SiteLatestReadingsTest extends QueryFixtureTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String path(UUID siteId) {
        return "/api/telemetry/sites/" + siteId + "/latest";
    }

    @Test
    void everyUnitOfTheSiteHasItsNewestValuePerMetricAndAnEmptyListWithoutReadings() {
        Site site = QueryFixtures.newSite("Depot, north", "Europe/Berlin");
        UUID fridge = queries.seedUnit(site, "A fridge");
        UUID freezer = queries.seedUnit(site, "B freezer");
        UUID silent = queries.seedUnit(site, "C spare");
        UUID deleted = queries.seedUnit(site, "D gone");
        queries.insert(site, fridge, List.of(new Row("temperature_c", 4, T0), new Row("temperature_c", 5, T0.plusSeconds(60)),
                new Row("humidity_pct", 60, T0.plusSeconds(30)), new Row("temperature_c", 3, T0.minusSeconds(60))));
        queries.insert(site, freezer, List.of(new Row("temperature_c", -18, T0), new Row("battery_pct", 80, T0)));
        queries.insert(site, deleted, List.of(new Row("temperature_c", 9, T0)));
        queries.deleteUnit(site, deleted, "D gone");
        Site otherSite = new Site(site.orgId(), UUID.randomUUID(), "Shop", "Europe/Berlin");
        queries.seedUnit(otherSite, "Shop fridge");

        as(site.viewerToken()).get(path(site.siteId())).then().statusCode(200)
                .body("siteId", equalTo(site.siteId().toString()))
                .body("siteName", equalTo("Depot, north"))
                .body("units.unitId", contains(fridge.toString(), freezer.toString(), silent.toString()))
                .body("units[0].name", equalTo("A fridge"))
                .body("units[0].latest.metric", contains("humidity_pct", "temperature_c"))
                .body("units[0].latest.value", contains(60.0f, 5.0f))
                .body("units[0].latest[1].recordedAt", equalTo(T0.plusSeconds(60).toString()))
                .body("units[1].latest.metric", contains("battery_pct", "temperature_c"))
                .body("units[1].latest.value", contains(80.0f, -18.0f))
                .body("units[2].latest", empty());
    }

    @Test
    void anotherOrgsSiteIsNotFoundAndShowsNothing() {
        Site site = QueryFixtures.newSite("Depot", "Europe/Berlin");
        UUID unit = queries.seedUnit(site, "Fridge");
        queries.insert(site, unit, List.of(new Row("temperature_c", 4, T0)));

        as(TestTokens.newOrgToken(Role.OWNER)).get(path(site.siteId())).then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:not-found"))
                .body("units", nullValue());
        as(site.viewerToken()).get(path(UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM_JSON);
        as(site.viewerToken()).get("/api/telemetry/sites/not-a-uuid/latest").then().statusCode(404);
        as(site.viewerToken()).get(path(site.siteId())).then().statusCode(200).body("units", hasSize(1));
    }
}
