package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.etag;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.problem;
import static dev.frostline.catalog.rest.CatalogApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Reads carry a strong ETag; updates must name it in If-Match; a stale one loses. */
@QuarkusTest
class ETagTest {

    private static final Map<String, Object> RENAMED_SITE = Map.of("name", "Renamed", "timeZone", "Europe/Paris",
            "address", "1 Quai", "latitude", 48.85, "longitude", 2.35);

    @Test
    void everySingleEntityAnswerCarriesTheVersionAsAStrongETag() {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String siteId = newSite(owner);
        get(owner, SiteResource.PATH + "/" + siteId).then().statusCode(200).header("ETag", equalTo("\"1\""));

        put(owner, SiteResource.PATH + "/" + siteId, "\"1\"", RENAMED_SITE).then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("name", equalTo("Renamed"))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("address", equalTo("1 Quai"))
                .body("latitude", equalTo(48.85f))
                .body("version", equalTo(2));
        get(owner, SiteResource.PATH + "/" + siteId).then().header("ETag", equalTo("\"2\"")).body("name", equalTo("Renamed"));
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428AndChangesNothing() {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String siteId = newSite(owner);
        put(owner, SiteResource.PATH + "/" + siteId, null, RENAMED_SITE).then().statusCode(428).contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("precondition-required")));
        get(owner, SiteResource.PATH + "/" + siteId).then().body("name", equalTo("Store")).body("version", equalTo(1));
    }

    @Test
    void anUpdateWithAStaleOrForeignETagIsRefusedWith412AndChangesNothing() {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String siteId = newSite(owner);
        String areaId = newArea(owner, siteId);
        String path = AreaResource.PATH + "/" + areaId;
        put(owner, path, etag(owner, path), Map.of("name", "First")).then().statusCode(200);

        for (String stale : new String[] { "\"1\"", "*", "W/\"2\"", "2", "\"x\"" }) {
            put(owner, path, stale, Map.of("name", "Second")).then().statusCode(412).contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("stale-entity")));
        }
        get(owner, path).then().body("name", equalTo("First")).header("ETag", equalTo("\"2\""));
    }

    @Test
    void twoConcurrentUpdatesWithTheSameETagExactlyOneWins() throws Exception {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String unitId = newUnit(owner, newArea(owner, newSite(owner)));
        String areaId = get(owner, UnitResource.PATH + "/" + unitId).path("areaId");
        String path = UnitResource.PATH + "/" + unitId;
        String etag = etag(owner, path);
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String name = "Writer " + i;
                Callable<Integer> update = () -> {
                    start.await();
                    return put(owner, path, etag, Map.of("areaId", areaId, "name", name, "type", "freezer"))
                            .statusCode();
                };
                results.add(pool.submit(update));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        get(owner, path).then().body("version", equalTo(2)).header("ETag", equalTo("\"2\""));
    }
}
