package dev.frostline.catalog.rest;

import static dev.frostline.catalog.rest.CatalogApi.assign;
import static dev.frostline.catalog.rest.CatalogApi.delete;
import static dev.frostline.catalog.rest.CatalogApi.newArea;
import static dev.frostline.catalog.rest.CatalogApi.newGateway;
import static dev.frostline.catalog.rest.CatalogApi.newSensor;
import static dev.frostline.catalog.rest.CatalogApi.newUnit;
import static dev.frostline.catalog.rest.CatalogApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.catalog.device.Gateway;
import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.hierarchy.Area;
import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.listing.ListFilter;
import dev.frostline.catalog.listing.ListSort;
import dev.frostline.catalog.listing.PageRequest;
import dev.frostline.catalog.repository.CatalogReads;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The API reads rows with plain SQL ({@link CatalogReads}) while the writes go through the JPA
 * mapping: both must see every field of every kind of entity alike, or a read would show what was
 * never written.
 */
@QuarkusTest
class DirectReadsTest {

    @Inject
    CatalogReads reads;
    @Inject
    CatalogStore store;

    @Test
    void everyKindOfEntityReadsTheSameAsThroughTheMapping() throws Throwable {
        UUID orgId = UUID.randomUUID();
        String owner = TestTokens.token(UUID.randomUUID(), orgId, Role.OWNER);
        Map<String, Object> site = new HashMap<>(Map.of("name", "Harbour store", "timeZone", "Europe/Lisbon",
                "address", "Rua do Cais 1", "latitude", 38.7071, "longitude", -9.1364));
        String siteId = post(owner, SiteResource.PATH, site).then().statusCode(201).extract().path("id");
        String areaId = newArea(owner, siteId);
        String unitId = post(owner, UnitResource.PATH, Map.of("areaId", areaId, "name", "Walk-in 2", "type", "walk_in",
                "description", "Left of the dock")).then().statusCode(201).extract().path("id");
        String sensorId = newSensor(owner);
        assign(owner, sensorId, unitId, true).then().statusCode(200);
        String gatewayId = newGateway(owner, siteId);
        String deletedUnitId = newUnit(owner, areaId);
        delete(owner, UnitResource.PATH + "/" + deletedUnitId).then().statusCode(204);

        assertSameBothWays(Site.class, siteId, orgId);
        assertSameBothWays(Area.class, areaId, orgId);
        assertSameBothWays(Unit.class, unitId, orgId);
        assertSameBothWays(Unit.class, deletedUnitId, orgId);
        assertSameBothWays(Sensor.class, sensorId, orgId);
        assertSameBothWays(Gateway.class, gatewayId, orgId);
    }

    @Test
    void anotherOrgsEntityIsNotFound() throws Throwable {
        String owner = TestTokens.newOrgToken(Role.OWNER);
        String siteId = post(owner, SiteResource.PATH, Map.of("name", "Mine")).then().statusCode(201)
                .extract().path("id");
        UUID otherOrg = UUID.randomUUID();

        assertThat(VertxContextSupport.subscribeAndAwait(() -> reads.findInOrg(Site.class, UUID.fromString(siteId),
                otherOrg))).isNull();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> reads.page(Site.class, otherOrg,
                new ListFilter(false, Map.of(), null), new PageRequest(ListSort.DEFAULT, PageRequest.DEFAULT_LIMIT, null))).items()).isEmpty();
    }

    private <E extends CatalogEntity> void assertSameBothWays(Class<E> type, String id, UUID orgId) throws Throwable {
        UUID entityId = UUID.fromString(id);
        E mapped = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> store.findInOrg(type, entityId, orgId, LockModeType.NONE)));
        E direct = VertxContextSupport.subscribeAndAwait(() -> reads.findInOrg(type, entityId, orgId));
        assertThat(mapped).as("%s %s through the mapping", type.getSimpleName(), id).isNotNull();
        assertThat(fields(direct)).as("%s %s", type.getSimpleName(), id).isEqualTo(fields(mapped));
    }

    /** Every persistent field of the entity, its own and inherited, by name. */
    private static Map<String, Object> fields(CatalogEntity entity) throws IllegalAccessException {
        Map<String, Object> values = new HashMap<>();
        for (Class<?> c = entity.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getName().startsWith("$$")) {
                    field.setAccessible(true);
                    values.put(c.getSimpleName() + "." + field.getName(), field.get(entity));
                }
            }
        }
        return values;
    }
}
