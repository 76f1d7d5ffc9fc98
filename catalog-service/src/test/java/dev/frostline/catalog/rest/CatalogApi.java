package dev.frostline.catalog.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/** Calls of the catalog API shared by the REST tests. */
final class CatalogApi {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String VALIDATION_FAILED = "urn:frostline:problem:validation-failed";
    static final String MALFORMED_REQUEST = "urn:frostline:problem:malformed-request";
    static final String NOT_FOUND = "urn:frostline:problem:not-found";
    static final String FORBIDDEN = "urn:frostline:problem:forbidden";

    private CatalogApi() {
    }

    static Response post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
    }

    static Response createSite(String token, String name) {
        return post(token, SiteResource.PATH, Map.of("name", name));
    }

    static Response createArea(String token, String siteId, String name) {
        return post(token, AreaResource.PATH, Map.of("siteId", siteId, "name", name));
    }

    static Response createUnit(String token, String areaId, String name, String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("areaId", areaId);
        body.put("name", name);
        body.put("type", type);
        return post(token, UnitResource.PATH, body);
    }

    static String newSite(String token) {
        return createSite(token, "Store").then().statusCode(201).extract().path("id");
    }

    static String newArea(String token, String siteId) {
        return createArea(token, siteId, "Back room").then().statusCode(201).extract().path("id");
    }

    static String newUnit(String token, String areaId) {
        return createUnit(token, areaId, "Freezer", "freezer").then().statusCode(201).extract().path("id");
    }

    static Response get(String token, String path) {
        return given().auth().oauth2(token).get(path);
    }

    static Response delete(String token, String path) {
        return given().auth().oauth2(token).delete(path);
    }

    static Response put(String token, String path, String ifMatch, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(path);
    }

    static Response postEmpty(String token, String path) {
        return given().auth().oauth2(token).post(path);
    }

    /** The current ETag of a live entity. */
    static String etag(String token, String path) {
        return get(token, path).then().statusCode(200).extract().header("ETag");
    }

    static String problem(String slug) {
        return "urn:frostline:problem:" + slug;
    }

    /** A DevEUI no test has used: 16 random hex digits. */
    static String randomEui() {
        return String.format("%016X", java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }

    static Response createSensor(String token, String name, String devEui) {
        return post(token, SensorResource.PATH, Map.of("name", name, "devEui", devEui, "model", "LHT65",
                "metrics", java.util.List.of("temperature_c", "humidity_pct")));
    }

    static String newSensor(String token) {
        return createSensor(token, "Probe", randomEui()).then().statusCode(201).extract().path("id");
    }

    static Response createGateway(String token, String siteId, String eui) {
        return post(token, GatewayResource.PATH, Map.of("siteId", siteId, "name", "Roof gateway", "gatewayEui", eui));
    }

    static String newGateway(String token, String siteId) {
        return createGateway(token, siteId, randomEui()).then().statusCode(201).extract().path("id");
    }

    static Response assign(String token, String sensorId, String unitId, boolean primary) {
        return post(token, SensorResource.PATH + "/" + sensorId + "/assignment", Map.of("unitId", unitId, "primary", primary));
    }
}
