package dev.frostline.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Read-only questions to telemetry's readings table over JDBC: how many of these IDs are stored
 * (the 202-to-PostgreSQL timing), and how many readings of the benchmark's units since a moment
 * are stored (the persisted rate). Each caller holds its own connection: a JDBC connection runs one
 * statement at a time.
 */
final class ReadingsTable {

    /** Where and as whom to connect, and the table (schema-qualified) that telemetry writes. */
    record Database(String jdbcUrl, String user, String password, String readingsTable) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }
    }

    private final Connection connection;
    private final PreparedStatement storedOfIds;
    private final PreparedStatement storedSince;

    ReadingsTable(Database database) throws SQLException {
        this.connection = database.connect();
        this.storedOfIds = connection.prepareStatement(
                "select count(*) from " + database.readingsTable() + " where id = any(?)");
        // Served by readings_unit_recorded_idx (unit_id, recorded_at desc): one range per unit.
        this.storedSince = connection.prepareStatement(
                "select count(*) from " + database.readingsTable() + " where unit_id = any(?) and recorded_at >= ?");
    }

    long storedOf(List<UUID> ids) throws SQLException {
        Array array = connection.createArrayOf("uuid", ids.toArray());
        storedOfIds.setArray(1, array);
        return count(storedOfIds);
    }

    /** Readings of these units recorded at or after {@code since} that are stored now. */
    long storedSince(List<UUID> unitIds, Instant since) throws SQLException {
        storedSince.setArray(1, connection.createArrayOf("uuid", unitIds.toArray()));
        storedSince.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        return count(storedSince);
    }

    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing at the end of a run: nothing left to protect.
        }
    }
}
