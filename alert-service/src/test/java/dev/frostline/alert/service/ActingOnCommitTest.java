package dev.frostline.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frostline.alert.EngineDatabase;
import dev.frostline.alert.TestBus;
import dev.frostline.alert.TestBus.AlertTap;
import dev.frostline.alert.TestClock;
import dev.frostline.alert.Tenant;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.AlertResolved;
import dev.frostline.contracts.events.ExcursionStateChanged;
import dev.frostline.contracts.events.ReadingRecorded;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the engine does the moment a transaction commits (EngineCommits): its outbox events are
 * published and marked, and the timer rows it wrote are announced for the alarm. The relay of
 * service-support neither polls nor sweeps in tests (application.properties), so an event on
 * Kafka here can only have come from the publication after commit.
 */
@QuarkusTest
class ActingOnCommitTest {

    @Inject
    TestBus bus;
    @Inject
    TestClock clock;
    @Inject
    EngineDatabase db;
    @Inject
    DeadlineRecorder deadlines;
    @Inject
    FiringTimers timers;

    private static ReadingRecorded reading(Tenant t, double value, Instant at) {
        return new ReadingRecorded(UUID.randomUUID(), t.orgId(), t.siteId(), t.unitId(), "temperature_c", value, at, at);
    }

    private static String unitThreshold(Tenant t, String excursion) {
        return "{\"scope\": {\"level\": \"unit\", \"id\": \"" + t.unitId() + "\"}, \"kind\": \"threshold\","
                + " \"metric\": \"temperature_c\", \"max\": 8, \"excursionDuration\": \"" + excursion + "\","
                + " \"deadband\": 0.5, \"minimumRestore\": \"PT0S\", \"severity\": \"critical\"}";
    }

    private long unpublished(Tenant t) {
        return db.count("select count(*) from outbox where record_key = $1 and published_at is null",
                t.unitId().toString());
    }

    @Test
    void aReadingsAlertEventsArePublishedAfterCommitAndMarkedWithNoRelay() {
        Tenant t = Tenant.withUnit(bus, "room");
        t.createRule(unitThreshold(t, "PT0S"));
        Instant start = clock.instant();
        try (AlertTap tap = bus.tapAlerts(t.unitId())) {
            bus.barrier();
            ReadingRecorded out = reading(t, 11, start.plusSeconds(1));
            bus.publishReading(out);

            List<AlertEvent> events = tap.awaitEvents(seen -> seen.stream().anyMatch(AlertOpened.class::isInstance));
            assertThat(events).filteredOn(AlertOpened.class::isInstance).singleElement()
                    .extracting(e -> ((AlertOpened) e).triggeringReadingId()).isEqualTo(out.eventId());
        }
        // Marked once Kafka has acknowledged them, so the sweep would not send them again.
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(t) == 0);
        assertThat(db.count("select count(*) from outbox where record_key = $1", t.unitId().toString())).isPositive();
    }

    @Test
    void anAlertsEventsArriveInTheOrderTheirTransactionsCommitted() {
        Tenant t = Tenant.withUnit(bus, "room");
        t.createRule(unitThreshold(t, "PT0S"));
        Instant start = clock.instant();
        try (AlertTap tap = bus.tapAlerts(t.unitId())) {
            // Two batches, two transactions: out of range, then back in range.
            bus.barrier();
            bus.publishReading(reading(t, 11, start.plusSeconds(1)));
            bus.barrier();
            bus.publishReading(reading(t, 5, start.plusSeconds(2)));
            bus.barrier();

            List<AlertEvent> events = tap.awaitEvents(seen -> seen.stream().anyMatch(AlertResolved.class::isInstance));
            assertThat(events).extracting(e -> e.getClass().getSimpleName())
                    .containsSubsequence("AlertOpened", "AlertResolved");
            assertThat(events).filteredOn(ExcursionStateChanged.class::isInstance)
                    .extracting(e -> ((ExcursionStateChanged) e).to())
                    .containsSubsequence("excursion", "alarm_active", "restoring", "ok");
        }
    }

    @Test
    void aCommittedExcursionTimerAnnouncesItsDeadline() {
        Tenant t = Tenant.withUnit(bus, "room");
        t.createRule(unitThreshold(t, "PT15M"));
        Instant start = clock.instant().plusSeconds(1);
        bus.barrier();
        bus.publishReading(reading(t, 11, start));
        bus.barrier();

        assertThat(deadlines.dues()).contains(start.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anAlarmFiredByATimerIsPublishedAfterItsCommit() {
        Tenant t = Tenant.withUnit(bus, "room");
        t.createRule(unitThreshold(t, "PT15M"));
        Instant start = clock.instant().plusSeconds(1);
        try (AlertTap tap = bus.tapAlerts(t.unitId())) {
            bus.barrier();
            bus.publishReading(reading(t, 11, start));
            bus.barrier();
            clock.advance(Duration.ofMinutes(16));
            timers.fireDue().await().indefinitely();

            List<AlertEvent> events = tap.awaitEvents(seen -> seen.stream().anyMatch(AlertOpened.class::isInstance));
            assertThat(events).filteredOn(AlertOpened.class::isInstance).singleElement()
                    .extracting(e -> ((AlertOpened) e).triggeringReadingId()).isNull();
        }
    }
}
