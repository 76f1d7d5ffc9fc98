package dev.frostline.system;

import static dev.frostline.system.Platform.frostline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two alert-service instances share the readings partitions; one is killed (SIGKILL) mid-stream.
 * The survivor takes its partitions over and carries on from the positions committed with the
 * states: no transition is lost and no alert or notification request is doubled.
 */
class AlertFailoverIT {

    private static final int UNITS = 6;
    /** Out, in, out, in, ...: every pair is one alert opened and resolved (no duration, no deadband). */
    private static final int READINGS_PER_UNIT = 12;

    @Test
    void killingOneOfTwoInstancesMidStreamLosesNoTransitionAndDoublesNothing() throws Exception {
        Tenant tenant = Tenant.signUp().withFridgeAndKey();
        List<String> units = new ArrayList<>();
        units.add(tenant.unitId);
        for (int i = 1; i < UNITS; i++) {
            units.add(tenant.createFridge(tenant.areaId));
        }
        for (String unit : units) {
            // The unit needs alert-service's projection first: retry until it has it.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Gateway
                    .as(tenant.token).body(Map.of("max", 8.0))
                    .put("/api/alerts/units/" + unit + "/thresholds/temperature_c").statusCode() == 200);
        }

        frostline("start", "alert-service", "--instance", "2", "--port", "18190");
        boolean killed = false;
        try {
            Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < READINGS_PER_UNIT; i++) {
                if (i == READINGS_PER_UNIT / 2) {
                    frostline("kill", "alert-service@2");
                    killed = true;
                }
                for (String unit : units) {
                    double value = i % 2 == 0 ? 12.5 : 3.0;
                    Tenant.postReadingAt(tenant.apiKey, unit, value, start.plusSeconds(i), "failover-" + unit + "-" + i);
                }
            }
        } finally {
            if (!killed) {
                frostline("kill", "alert-service@2");
            }
        }

        int expectedAlerts = READINGS_PER_UNIT / 2;
        // The group notices the killed member after its session timeout; then the survivor carries on.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> units.stream()
                .allMatch(unit -> count("select count(*) from alert.alerts where unit_id = ?::uuid and state = 'resolved'",
                        unit) == expectedAlerts));

        for (String unit : units) {
            assertThat(count("select count(*) from alert.alerts where unit_id = ?::uuid", unit)).isEqualTo(expectedAlerts);
            assertThat(count("select count(distinct triggering_reading_id) from alert.alerts where unit_id = ?::uuid",
                    unit)).isEqualTo(expectedAlerts);
            // One opened and one resolved notice per alert, never two of a kind.
            Map<String, Long> notices = groupCount("select kind, count(*) from alert.notification_requests"
                    + " where unit_id = ?::uuid group by kind", unit);
            assertThat(notices).containsEntry("opened", (long) expectedAlerts).containsEntry("resolved",
                    (long) expectedAlerts);
            // Every transition published once: ok→excursion→alarm_active per alert, then restoring→ok.
            Map<String, Long> events = groupCount("select payload::json->>'type', count(*) from alert.outbox"
                    + " where record_key = ? group by 1", unit);
            assertThat(events).containsEntry("alert.opened", (long) expectedAlerts)
                    .containsEntry("alert.resolved", (long) expectedAlerts)
                    .containsEntry("excursion.state_changed", 4L * expectedAlerts);
            assertThat(count("select count(*) from alert.excursion_states where unit_id = ?::uuid"
                    + " and rule_kind = 'threshold' and phase = 'ok'", unit)).isEqualTo(1);
        }
    }

    private static long count(String sql, String unit) {
        try (Connection connection = ServiceDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, unit);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> groupCount(String sql, String unit) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = ServiceDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, unit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }
}
