package dev.frostline.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What telemetry's persister has written for a unit, read from its table. */
final class StoredReadings {

    private StoredReadings() {
    }

    /** The recorded_at of every stored reading of the unit, duplicates included (there must be none). */
    static List<Instant> recordedAtOf(String unitId) {
        String sql = "select recorded_at from telemetry.readings where unit_id = ?::uuid";
        try (Connection connection = ServiceDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, unitId);
            List<Instant> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getTimestamp(1).toInstant());
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read telemetry.readings", e);
        }
    }
}
