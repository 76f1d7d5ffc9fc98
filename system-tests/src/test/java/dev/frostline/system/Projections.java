package dev.frostline.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the projections that consumers build from catalog's compacted topics, straight from each
 * service's schema: the only way to see what a service has learned before it is asked anything.
 */
final class Projections {

    /** Every service that keeps a unit projection, by its schema. */
    static final List<String> UNIT_CONSUMERS = List.of("telemetry", "alert", "storage", "realtime");

    /** One row of a service's {@code unit_projection}. */
    record UnitRow(String siteId, String areaId, String siteName, String timeZone, String primarySensorId,
            boolean deleted, long version) {
    }

    private Projections() {
    }

    static Optional<UnitRow> unit(String schema, String unitId) {
        String sql = "select site_id, area_id, site_name, time_zone, primary_sensor_id, deleted, version from " + schema
                + ".unit_projection where unit_id = ?::uuid";
        try (Connection connection = ServiceDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, unitId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UnitRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getBoolean(6), row.getLong(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + schema + ".unit_projection", e);
        }
    }

    /** Removes one unit from a service's projection, as a lost or restored-from-old-backup table would. */
    static int forget(String schema, String table, String idColumn, String id) {
        String sql = "delete from " + schema + "." + table + " where " + idColumn + " = ?::uuid";
        try (Connection connection = ServiceDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete from " + schema + "." + table, e);
        }
    }
}
