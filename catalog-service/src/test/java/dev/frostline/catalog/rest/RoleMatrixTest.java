package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.FORBIDDEN;
import static dev.frostline.catalog.rest.CatalogApi.assign;
import static dev.frostline.catalog.rest.CatalogApi.createGateway;
import static dev.frostline.catalog.rest.CatalogApi.createSensor;
import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.etag;
import static dev.frostline.catalog.rest.CatalogApi.get;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newGateway;
import static dev.frostline.catalog.rest.CatalogApi.newSensor;
import static dev.frostline.catalog.rest.CatalogApi.newSite;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.post;
import static dev.frostline.catalog.rest.CatalogApi.postEmpty;
import static dev.frostline.catalog.rest.CatalogApi.put;
import static dev.frostline.catalog.rest.CatalogApi.randomEui;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write, by every role: the roles the permission table allows succeed and leave an audit
 * record; the others get 403 and change nothing (the org's audit log does not grow).
 */
@QuarkusTest
class RoleMatrixTest {

    /** The owner's setup of one write; {@code as} then performs the write with the role's token. */
    interface Write {
        Response as(String token);
    }

    record WriteCase(String name, CatalogOperation operation, Function<Org, Write> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A fresh org with one of everything, set up by its owner. */
    static final class Org {
        final UUID id = UUID.randomUUID();
        final String owner = token(Role.OWNER);
        final String siteId = newSite(owner);
        final String areaId = newArea(owner, siteId);
        final String unitId = newUnit(owner, areaId);

        String token(Role role) {
            return TestTokens.token(UUID.randomUUID(), id, role);
        }

        String deleted(String path) {
            delete(owner, path).then().statusCode(204);
            return path;
        }
    }

    private static final List<WriteCase> WRITES = List.of(
            new WriteCase("create site", CatalogOperation.WRITE_SITES,
                    org -> token -> post(token, SiteResource.PATH, Map.of("name", "Store 2"))),
            new WriteCase("update site", CatalogOperation.WRITE_SITES, org -> update(org, SiteResource.PATH + "/" + org.siteId,
                    Map.of("name", "Renamed"))),
            new WriteCase("delete site", CatalogOperation.WRITE_SITES,
                    org -> deleting(SiteResource.PATH + "/" + newSite(org.owner))),
            new WriteCase("restore site", CatalogOperation.WRITE_SITES,
                    org -> restoring(org.deleted(SiteResource.PATH + "/" + newSite(org.owner)))),
            new WriteCase("create area", CatalogOperation.WRITE_AREAS,
                    org -> token -> post(token, AreaResource.PATH, Map.of("siteId", org.siteId, "name", "Cellar"))),
            new WriteCase("update area", CatalogOperation.WRITE_AREAS, org -> update(org, AreaResource.PATH + "/" + org.areaId,
                    Map.of("name", "Renamed"))),
            new WriteCase("delete area", CatalogOperation.WRITE_AREAS,
                    org -> deleting(AreaResource.PATH + "/" + newArea(org.owner, org.siteId))),
            new WriteCase("restore area", CatalogOperation.WRITE_AREAS,
                    org -> restoring(org.deleted(AreaResource.PATH + "/" + newArea(org.owner, org.siteId)))),
            new WriteCase("create unit", CatalogOperation.WRITE_UNITS, org -> token -> post(token, UnitResource.PATH,
                    Map.of("areaId", org.areaId, "name", "Fridge", "type", "fridge"))),
            new WriteCase("update unit", CatalogOperation.WRITE_UNITS, org -> update(org, UnitResource.PATH + "/" + org.unitId,
                    Map.of("areaId", org.areaId, "name", "Renamed", "type", "room"))),
            new WriteCase("move unit", CatalogOperation.WRITE_UNITS, org -> update(org, UnitResource.PATH + "/" + org.unitId,
                    Map.of("areaId", newArea(org.owner, org.siteId), "name", "Freezer", "type", "freezer"))),
            new WriteCase("delete unit", CatalogOperation.WRITE_UNITS,
                    org -> deleting(UnitResource.PATH + "/" + newUnit(org.owner, org.areaId))),
            new WriteCase("restore unit", CatalogOperation.WRITE_UNITS,
                    org -> restoring(org.deleted(UnitResource.PATH + "/" + newUnit(org.owner, org.areaId)))),
            new WriteCase("register sensor", CatalogOperation.WRITE_SENSORS,
                    org -> token -> createSensor(token, "Probe", randomEui())),
            new WriteCase("update sensor", CatalogOperation.WRITE_SENSORS, org -> update(org,
                    SensorResource.PATH + "/" + newSensor(org.owner),
                    Map.of("name", "Probe 2", "model", "LHT52", "metrics", List.of("temperature_c")))),
            new WriteCase("delete sensor", CatalogOperation.WRITE_SENSORS,
                    org -> deleting(SensorResource.PATH + "/" + newSensor(org.owner))),
            new WriteCase("restore sensor", CatalogOperation.WRITE_SENSORS,
                    org -> restoring(org.deleted(SensorResource.PATH + "/" + newSensor(org.owner)))),
            new WriteCase("assign sensor", CatalogOperation.ASSIGN_SENSORS, org -> {
                String sensorId = newSensor(org.owner);
                return token -> assign(token, sensorId, org.unitId, false);
            }),
            new WriteCase("unassign sensor", CatalogOperation.ASSIGN_SENSORS, org -> {
                String sensorId = assignedSensor(org, false);
                return token -> delete(token, SensorResource.PATH + "/" + sensorId + "/assignment");
            }),
            new WriteCase("make sensor primary", CatalogOperation.ASSIGN_SENSORS, org -> {
                String sensorId = assignedSensor(org, false);
                return token -> postEmpty(token, SensorResource.PATH + "/" + sensorId + "/assignment/primary");
            }),
            new WriteCase("register gateway", CatalogOperation.WRITE_GATEWAYS,
                    org -> token -> createGateway(token, org.siteId, randomEui())),
            new WriteCase("update gateway", CatalogOperation.WRITE_GATEWAYS, org -> update(org,
                    GatewayResource.PATH + "/" + newGateway(org.owner, org.siteId), Map.of("name", "Renamed"))),
            new WriteCase("delete gateway", CatalogOperation.WRITE_GATEWAYS,
                    org -> deleting(GatewayResource.PATH + "/" + newGateway(org.owner, org.siteId))),
            new WriteCase("restore gateway", CatalogOperation.WRITE_GATEWAYS,
                    org -> restoring(org.deleted(GatewayResource.PATH + "/" + newGateway(org.owner, org.siteId)))));

    private static Write update(Org org, String path, Map<String, Object> body) {
        String etag = etag(org.owner, path);
        return token -> put(token, path, etag, body);
    }

    private static Write deleting(String path) {
        return token -> delete(token, path);
    }

    private static Write restoring(String path) {
        return token -> postEmpty(token, path + "/restore");
    }

    private static String assignedSensor(Org org, boolean primary) {
        String sensorId = newSensor(org.owner);
        assign(org.owner, sensorId, org.unitId, primary).then().statusCode(200);
        return sensorId;
    }

    static Stream<Arguments> everyWriteByEveryRole() {
        List<Arguments> cases = new ArrayList<>();
        for (WriteCase write : WRITES) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(write, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyWriteByEveryRole")
    void aWriteSucceedsExactlyForTheRolesThatMayDoIt(WriteCase write, Role role) {
        Org org = new Org();
        Write call = write.prepare().apply(org);
        int auditBefore = auditSize(org);

        Response response = call.as(org.token(role));

        if (role.atLeast(write.operation().leastRole())) {
            assertThat(response.statusCode()).as(response.asString()).isBetween(200, 299);
            assertThat(auditSize(org)).isGreaterThan(auditBefore);
        } else {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
            assertThat(response.jsonPath().getString("type")).isEqualTo(FORBIDDEN);
            assertThat(auditSize(org)).isEqualTo(auditBefore);
        }
    }

    private static int auditSize(Org org) {
        return get(org.owner, "/api/catalog/audit?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("items").size();
    }
}
