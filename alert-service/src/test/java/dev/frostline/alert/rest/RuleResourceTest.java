package dev.frostline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.frostline.alert.TestBus;
import dev.frostline.alert.Tenant;
import dev.frostline.contracts.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RuleResourceTest {

    static final String VALIDATION_FAILED = "urn:frostline:problem:validation-failed";

    @Inject
    TestBus bus;

    private static String threshold(String scope, double max) {
        return "{\"scope\": " + scope + ", \"kind\": \"threshold\", \"metric\": \"temperature_c\", \"max\": " + max
                + ", \"excursionDuration\": \"PT10M\", \"deadband\": 0.5, \"minimumRestore\": \"PT5M\","
                + " \"severity\": \"critical\"}";
    }

    private static Map<String, Object> effectiveTemperature(Tenant t, UUID unitId) {
        JsonPath json = t.effectiveRules(unitId).then().statusCode(200).extract().jsonPath();
        return json.getMap("find { it.kind == 'threshold' && it.metric == 'temperature_c' }");
    }

    private static String from(Map<String, Object> effective) {
        @SuppressWarnings("unchecked")
        Map<String, Object> from = (Map<String, Object>) effective.get("from");
        return (String) from.get("level");
    }

    private static Object max(Map<String, Object> effective) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) effective.get("rule");
        return rule.get("max");
    }

    @Test
    void everyLevelOfPrecedenceWinsOverTheWiderOnesAndTheUnitTypeDefaultYieldsToASiteRule() {
        Tenant t = Tenant.withUnit(bus, "fridge");
        // A second fridge on the same site and area, and a freezer elsewhere, to see each scope's reach.
        UUID sameArea = UUID.randomUUID();
        t.addUnit(bus, sameArea, t.siteId(), t.areaId(), "fridge");

        // Nothing of the org's own: the shipped fridge default, 0 .. 5 °C, plus offline and low battery.
        Map<String, Object> effective = effectiveTemperature(t, t.unitId());
        assertThat(from(effective)).isEqualTo("platform_default");
        assertThat(max(effective)).isEqualTo(5.0f);
        t.effectiveRules(t.unitId()).then().body("kind", org.hamcrest.Matchers.hasItems("offline", "low_battery"));

        t.createRule(threshold("{\"level\": \"org\"}", 9));
        assertThat(from(effectiveTemperature(t, t.unitId()))).isEqualTo("org");
        t.createRule(threshold("{\"level\": \"org_unit_type\", \"unitType\": \"fridge\"}", 8));
        assertThat(max(effectiveTemperature(t, t.unitId()))).isEqualTo(8.0f);

        // The unit-type rule is overridden by a site rule.
        t.createRule(threshold("{\"level\": \"site\", \"id\": \"" + t.siteId() + "\"}", 7));
        effective = effectiveTemperature(t, t.unitId());
        assertThat(from(effective)).isEqualTo("site");
        assertThat(max(effective)).isEqualTo(7.0f);

        t.createRule(threshold("{\"level\": \"area\", \"id\": \"" + t.areaId() + "\"}", 6));
        assertThat(from(effectiveTemperature(t, t.unitId()))).isEqualTo("area");
        t.createRule(threshold("{\"level\": \"unit\", \"id\": \"" + t.unitId() + "\"}", 4));
        effective = effectiveTemperature(t, t.unitId());
        assertThat(from(effective)).isEqualTo("unit");
        assertThat(max(effective)).isEqualTo(4.0f);

        // The unit rule reaches its unit only; the neighbour in the same area keeps the area rule.
        effective = effectiveTemperature(t, sameArea);
        assertThat(from(effective)).isEqualTo("area");
        assertThat(max(effective)).isEqualTo(6.0f);
    }

    @Test
    void managerCreatesReadsReplacesAndDeletesARuleWithETags() {
        Tenant t = Tenant.withUnit(bus, "freezer");
        String created = t.createRule(t.manager(), "{\"scope\": {\"level\": \"org\"}, \"kind\": \"offline\","
                + " \"offlineAfter\": \"PT20M\", \"escalation\": {\"firstAudience\": \"staff\", \"renotifyEvery\": \"PT10M\","
                + " \"steps\": [{\"after\": \"PT30M\", \"audience\": \"manager\"}]}}")
                .then().statusCode(201).header("ETag", "\"1\"")
                .body("kind", equalTo("offline"))
                .body("offlineAfter", equalTo("PT20M"))
                .body("severity", equalTo("warning"))
                .body("escalation.renotifyEvery", equalTo("PT10M"))
                .body("escalation.steps[0].audience", equalTo("manager"))
                .extract().path("id");
        String path = "/api/alerts/rules/" + created;
        given().auth().oauth2(t.token(Role.VIEWER)).get(path).then().statusCode(200).header("ETag", "\"1\"");
        String replacement = "{\"scope\": {\"level\": \"org\"}, \"kind\": \"offline\", \"offlineAfter\": \"PT45M\"}";

        given().auth().oauth2(t.manager()).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(replacement)
                .put(path).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(t.manager()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(replacement)
                .put(path).then().statusCode(200).header("ETag", "\"2\"").body("offlineAfter", equalTo("PT45M"));
        // Without If-Match it replaces regardless.
        given().auth().oauth2(t.manager()).contentType(ContentType.JSON).body(replacement).put(path)
                .then().statusCode(200).body("version", equalTo(3));
        given().auth().oauth2(t.manager()).get("/api/alerts/rules").then().statusCode(200).body("$", hasSize(1));

        given().auth().oauth2(t.manager()).header("If-Match", "\"2\"").delete(path).then().statusCode(412);
        given().auth().oauth2(t.manager()).delete(path).then().statusCode(204);
        given().auth().oauth2(t.manager()).get(path).then().statusCode(404);
    }

    @Test
    void onlyManagersAndAboveWriteRulesAndEveryoneInTheOrgReadsThem() {
        Tenant t = Tenant.withUnit(bus, "fridge");
        String rule = threshold("{\"level\": \"org\"}", 9);
        t.createRule(t.token(Role.STAFF), rule).then().statusCode(403).contentType("application/problem+json");
        t.createRule(t.token(Role.VIEWER), rule).then().statusCode(403);
        String id = t.createRule(t.token(Role.ADMIN), rule).then().statusCode(201).extract().path("id");

        given().auth().oauth2(t.token(Role.STAFF)).contentType(ContentType.JSON).body(rule)
                .put("/api/alerts/rules/" + id).then().statusCode(403);
        given().auth().oauth2(t.token(Role.STAFF)).delete("/api/alerts/rules/" + id).then().statusCode(403);
        given().auth().oauth2(t.token(Role.VIEWER)).get("/api/alerts/rules/" + id).then().statusCode(200);
        given().auth().oauth2(t.manager()).delete("/api/alerts/rules/" + id).then().statusCode(204);
    }

    @Test
    void anotherOrgsRuleAndUnitAreNotFound() {
        Tenant a = Tenant.withUnit(bus, "fridge");
        Tenant b = Tenant.withUnit(bus, "fridge");
        String ruleOfA = a.createRule(threshold("{\"level\": \"org\"}", 9));

        given().auth().oauth2(b.manager()).get("/api/alerts/rules/" + ruleOfA).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:frostline:problem:not-found"));
        given().auth().oauth2(b.manager()).contentType(ContentType.JSON).body(threshold("{\"level\": \"org\"}", 1))
                .put("/api/alerts/rules/" + ruleOfA).then().statusCode(404);
        given().auth().oauth2(b.manager()).delete("/api/alerts/rules/" + ruleOfA).then().statusCode(404);
        b.createRule(b.manager(), threshold("{\"level\": \"unit\", \"id\": \"" + a.unitId() + "\"}", 1))
                .then().statusCode(404);
        given().auth().oauth2(b.manager()).get("/api/alerts/units/" + a.unitId() + "/effective-rules")
                .then().statusCode(404);
        given().auth().oauth2(b.manager()).get("/api/alerts/rules").then().statusCode(200).body("$", hasSize(0));
        // A's rule is untouched.
        given().auth().oauth2(a.manager()).get("/api/alerts/rules/" + ruleOfA).then().statusCode(200)
                .body("max", equalTo(9.0f));
    }

    @Test
    void badRulesAreRefusedWithAProblemAndNothingIsStored() {
        Tenant t = Tenant.withUnit(bus, "fridge");
        String[] bad = {
            "{\"kind\": \"threshold\", \"metric\": \"temperature_c\", \"max\": 5}",
            "{\"scope\": {\"level\": \"galaxy\"}, \"kind\": \"threshold\", \"metric\": \"temperature_c\", \"max\": 5}",
            "{\"scope\": {\"level\": \"site\"}, \"kind\": \"threshold\", \"metric\": \"temperature_c\", \"max\": 5}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"threshold\", \"metric\": \"pressure\", \"max\": 5}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"threshold\", \"metric\": \"temperature_c\", \"min\": 5, \"max\": 1}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"threshold\", \"metric\": \"temperature_c\"}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"threshold\", \"metric\": \"temperature_c\", \"min\": 0, \"max\": 1, \"deadband\": 0.6}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"offline\"}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"low_battery\", \"belowPercent\": 120}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"sometimes\"}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"offline\", \"offlineAfter\": \"PT30M\", \"severity\": \"meh\"}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"offline\", \"offlineAfter\": \"PT30M\", \"excursionDuration\": \"-PT1M\"}",
            "{\"scope\": {\"level\": \"org\"}, \"kind\": \"offline\", \"offlineAfter\": \"PT30M\","
                    + " \"escalation\": {\"firstAudience\": \"manager\", \"steps\": [{\"after\": \"PT5M\", \"audience\": \"staff\"}]}}",
        };
        for (String body : bad) {
            t.createRule(t.manager(), body).then().statusCode(400).contentType("application/problem+json")
                    .body("type", notNullValue()).body("detail", notNullValue());
        }
        t.createRule(t.manager(), "{\"scope\": {\"level\": \"org\"}, \"kind\": \"offline\", \"offlineAfter\": \"soon\"}")
                .then().statusCode(400);
        // A second rule of one scope and key would make precedence ambiguous.
        t.createRule(threshold("{\"level\": \"org\"}", 9));
        t.createRule(t.manager(), threshold("{\"level\": \"org\"}", 8)).then().statusCode(409);
        given().auth().oauth2(t.manager()).get("/api/alerts/rules").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void theThresholdRouteOfTheSkeletonSetsAUnitRule() {
        Tenant t = Tenant.withUnit(bus, "fridge");
        given().auth().oauth2(t.manager()).contentType(ContentType.JSON).body("{\"min\": 2, \"max\": 8}")
                .put("/api/alerts/units/" + t.unitId() + "/thresholds/temperature_c").then().statusCode(200)
                .body("scope.level", equalTo("unit")).body("max", equalTo(8.0f));
        given().auth().oauth2(t.manager()).contentType(ContentType.JSON).body("{\"max\": 6}")
                .put("/api/alerts/units/" + t.unitId() + "/thresholds/temperature_c").then().statusCode(200)
                .body("version", equalTo(2)).body("max", equalTo(6.0f));
        given().auth().oauth2(t.manager()).contentType(ContentType.JSON).body("{\"min\": 9, \"max\": 6}")
                .put("/api/alerts/units/" + t.unitId() + "/thresholds/temperature_c").then().statusCode(400)
                .body("type", equalTo(VALIDATION_FAILED));
        given().auth().oauth2(t.token(Role.STAFF)).contentType(ContentType.JSON).body("{\"max\": 6}")
                .put("/api/alerts/units/" + t.unitId() + "/thresholds/temperature_c").then().statusCode(403);
    }
}
