package dev.frostline.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The database of the platform under test, where each service keeps its own schema. */
final class ServiceDatabase {

    private ServiceDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("frostline.db.url",
                "jdbc:postgresql://127.0.0.1:5432/frostline_e2e"), System.getProperty("frostline.db.user", "frostline"),
                System.getProperty("frostline.db.password", "frostline"));
    }
}
