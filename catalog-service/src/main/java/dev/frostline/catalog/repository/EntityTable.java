package dev.frostline.catalog.repository;

import dev.frostline.catalog.device.Gateway;
import dev.frostline.catalog.device.MetricsColumn;
import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.hierarchy.Area;
import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.hierarchy.UnitType;
import dev.frostline.catalog.hierarchy.UnitTypeColumn;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One kind of catalog entity as a table row: its table, the column behind each field a query may
 * name, and how a row becomes the entity. It must agree with the entity's JPA mapping, which the
 * writes use; {@code EntityTableTest} reads every kind both ways and compares.
 */
record EntityTable<E extends CatalogEntity>(String table, Map<String, String> columns, Supplier<E> create,
        BiConsumer<Row, E> readOwn) {

    private static final Map<String, String> COMMON_COLUMNS = Map.of("id", "id", "orgId", "org_id", "name", "name",
            "version", "version", "createdAt", "created_at", "updatedAt", "updated_at", "deletedAt", "deleted_at");
    private static final UnitTypeColumn UNIT_TYPES = new UnitTypeColumn();
    private static final MetricsColumn METRICS = new MetricsColumn();

    static final EntityTable<Site> SITES = of("sites", Site::new,
            Map.of("timeZone", "time_zone", "address", "address", "latitude", "latitude", "longitude", "longitude"),
            (row, site) -> {
                site.timeZone = row.getString("time_zone");
                site.address = row.getString("address");
                site.latitude = row.getDouble("latitude");
                site.longitude = row.getDouble("longitude");
            });
    static final EntityTable<Area> AREAS = of("areas", Area::new, Map.of("siteId", "site_id"),
            (row, area) -> area.siteId = row.getUUID("site_id"));
    static final EntityTable<Unit> UNITS = of("units", Unit::new,
            Map.of("siteId", "site_id", "areaId", "area_id", "type", "type", "description", "description",
                    "stateVersion", "state_version"),
            (row, unit) -> {
                unit.siteId = row.getUUID("site_id");
                unit.areaId = row.getUUID("area_id");
                unit.type = UNIT_TYPES.convertToEntityAttribute(row.getString("type"));
                unit.description = row.getString("description");
                unit.stateVersion = row.getLong("state_version");
            });
    static final EntityTable<Sensor> SENSORS = of("sensors", Sensor::new,
            Map.of("devEui", "dev_eui", "serial", "serial", "model", "model", "metrics", "metrics", "unitId", "unit_id",
                    "primary", "is_primary", "stateVersion", "state_version"),
            (row, sensor) -> {
                sensor.devEui = row.getString("dev_eui");
                sensor.serial = row.getString("serial");
                sensor.model = row.getString("model");
                sensor.metrics = METRICS.convertToEntityAttribute(row.getString("metrics"));
                sensor.unitId = row.getUUID("unit_id");
                sensor.primary = row.getBoolean("is_primary");
                sensor.stateVersion = row.getLong("state_version");
            });
    static final EntityTable<Gateway> GATEWAYS = of("gateways", Gateway::new,
            Map.of("siteId", "site_id", "gatewayEui", "gateway_eui"),
            (row, gateway) -> {
                gateway.siteId = row.getUUID("site_id");
                gateway.gatewayEui = row.getString("gateway_eui");
            });

    private static <E extends CatalogEntity> EntityTable<E> of(String table, Supplier<E> create,
            Map<String, String> ownColumns, BiConsumer<Row, E> readOwn) {
        Map<String, String> columns = new LinkedHashMap<>(COMMON_COLUMNS);
        columns.putAll(ownColumns);
        return new EntityTable<>(table, Map.copyOf(columns), create, readOwn);
    }

    @SuppressWarnings("unchecked")
    static <E extends CatalogEntity> EntityTable<E> of(Class<E> type) {
        EntityTable<?> table;
        if (type == Site.class) {
            table = SITES;
        } else if (type == Area.class) {
            table = AREAS;
        } else if (type == Unit.class) {
            table = UNITS;
        } else if (type == Sensor.class) {
            table = SENSORS;
        } else if (type == Gateway.class) {
            table = GATEWAYS;
        } else {
            throw new IllegalArgumentException("not a catalog entity: " + type.getName());
        }
        return (EntityTable<E>) table;
    }

    /** The column of a field a filter or sort names; an unknown field is a programming error, never input. */
    String column(String field) {
        String column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException(table + " has no field " + field);
        }
        return column;
    }

    /** A filter value as the column stores it (the same conversion the JPA mapping applies). */
    static Object parameter(Object value) {
        return value instanceof UnitType type ? UNIT_TYPES.convertToDatabaseColumn(type) : value;
    }

    String selectList() {
        return String.join(", ", columns.values());
    }

    E read(Row row) {
        E entity = create.get();
        entity.id = row.getUUID("id");
        entity.orgId = row.getUUID("org_id");
        entity.name = row.getString("name");
        entity.version = row.getLong("version");
        entity.createdAt = instant(row, "created_at");
        entity.updatedAt = instant(row, "updated_at");
        entity.deletedAt = instant(row, "deleted_at");
        readOwn.accept(row, entity);
        return entity;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
