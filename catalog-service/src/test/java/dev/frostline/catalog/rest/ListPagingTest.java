package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.PROBLEM_JSON;
import static dev.frostline.catalog.rest.CatalogApi.VALIDATION_FAILED;
import static dev.frostline.catalog.rest.CatalogApi.createUnit;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cursor pages, filters and sort orders of the catalog lists. */
@QuarkusTest
class ListPagingTest {

    private String owner;
    private String areaId;

    @BeforeEach
    void orgWithAnArea() {
        owner = TestTokens.newOrgToken(Role.OWNER);
        areaId = newArea(owner, newSite(owner));
    }

    private String unit(String name, String type) {
        return createUnit(owner, areaId, name, type).then().statusCode(201).extract().path("id");
    }

    @Test
    void pagesWalkTheWholeListOnceEvenWhenItemsAreInsertedBetweenPages() {
        List<String> original = new ArrayList<>();
        for (String name : new String[] { "B1", "B2", "B3", "B4", "B5" }) {
            original.add(unit(name, "fridge"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = get(owner, UnitResource.PATH + "?sort=name&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            // Others insert while we page: one sorting before everything, one after.
            unit("A" + pages, "fridge");
            unit("C" + pages, "fridge");
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(original);
        assertThat(seen.subList(0, 2)).isEqualTo(original.subList(0, 2));
    }

    @Test
    void listsSortByNameOrCreationEitherWay() {
        String b = unit("beta", "fridge");
        String a = unit("Alpha", "fridge");
        String c = unit("charlie", "fridge");

        get(owner, UnitResource.PATH).then().body("items.id", contains(b, a, c));
        get(owner, UnitResource.PATH + "?sort=createdAt").then().body("items.id", contains(b, a, c));
        get(owner, UnitResource.PATH + "?sort=-createdAt").then().body("items.id", contains(c, a, b));
        get(owner, UnitResource.PATH + "?sort=-name&limit=1").then()
                .body("items", hasSize(1));
        List<String> byName = get(owner, UnitResource.PATH + "?sort=name").then().extract().jsonPath().getList("items.name");
        List<String> byNameDesc = get(owner, UnitResource.PATH + "?sort=-name").then().extract().jsonPath().getList("items.name");
        List<String> reversed = new ArrayList<>(byName);
        java.util.Collections.reverse(reversed);
        assertThat(byNameDesc).isEqualTo(reversed);
        get(owner, UnitResource.PATH + "?limit=3").then().body("nextCursor", nullValue());
    }

    @Test
    void listsFilterByNamePrefixTypeAndParent() {
        String walkIn = unit("Walk-in North", "walk_in");
        unit("Freezer", "freezer");
        String walkIn2 = unit("walk-in south", "walk_in");
        unit("100% fridge", "fridge");

        get(owner, UnitResource.PATH + "?namePrefix=walk-IN").then().body("items.id", contains(walkIn, walkIn2));
        get(owner, UnitResource.PATH + "?type=walk_in&namePrefix=Walk-in N").then().body("items.id", contains(walkIn));
        // LIKE wildcards in the prefix are literal characters.
        given().auth().oauth2(owner).queryParam("namePrefix", "1_0").get(UnitResource.PATH).then().body("items", hasSize(0));
        given().auth().oauth2(owner).queryParam("namePrefix", "%").get(UnitResource.PATH).then().body("items", hasSize(0));
        given().auth().oauth2(owner).queryParam("namePrefix", "100%").get(UnitResource.PATH).then()
                .body("items.name", contains("100% fridge"));
        get(owner, UnitResource.PATH + "?areaId=" + areaId + "&type=freezer").then().body("items", hasSize(1));
        String otherArea = newArea(owner, newSite(owner));
        get(owner, UnitResource.PATH + "?areaId=" + otherArea).then().body("items", hasSize(0));
    }

    @Test
    void badPagingParametersAreRefused() {
        unit("One", "fridge");
        unit("Two", "fridge");
        String nameCursor2 = get(owner, UnitResource.PATH + "?sort=name&limit=1").then().extract().path("nextCursor");
        assertThat(nameCursor2).isNotNull();

        for (String query : new String[] { "limit=0", "limit=201", "limit=ten", "sort=size", "cursor=not-a-cursor",
                "sort=createdAt&cursor=" + nameCursor2, "type=cellar", "deleted=maybe", "siteId=42" }) {
            get(owner, UnitResource.PATH + "?" + query).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(VALIDATION_FAILED));
        }
        get(owner, UnitResource.PATH + "?limit=200").then().statusCode(200);
        get(owner, UnitResource.PATH + "?sort=name&limit=1&cursor=" + nameCursor2).then().statusCode(200)
                .body("items.name", contains("Two"));
    }
}
