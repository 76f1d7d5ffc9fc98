package dev.frostline.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChannelSubscriptionTest {

    private static final int PARTITION = 0;

    @TestHTTPResource("/")
    URI base;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private TestPlatform platform;
    private final UUID org = UUID.randomUUID();
    private final UUID site = UUID.randomUUID();
    private final UUID unit = UUID.randomUUID();
    private final UUID otherUnitOfTheSite = UUID.randomUUID();

    @BeforeEach
    void startProducerAndAwaitConsumers() throws Exception {
        platform = new TestPlatform(bootstrap, mapper, dataSource);
        platform.awaitConsumersReady(base);
        platform.unitInProjection(unit, org, site, false);
        platform.unitInProjection(otherUnitOfTheSite, org, site, false);
    }

    @AfterEach
    void closeProducer() {
        platform.close();
    }

    @Test
    void aViewerSubscribedToAUnitSeesItsReadingsAndNoneOfAnotherUnit() {
        try (FrameCollector viewer = viewerOf(org)) {
            viewer.subscribed("unit:" + unit);

            ReadingRecorded other = TestPlatform.reading(org, site, otherUnitOfTheSite);
            ReadingRecorded mine = TestPlatform.reading(org, site, unit);
            platform.send(other, PARTITION);
            platform.send(mine, PARTITION);

            JsonNode frame = viewer.awaitEvent(mine.eventId());
            assertThat(frame.path("channel").asText()).isEqualTo("unit:" + unit);
            assertThat(frame.path("eventType").asText()).isEqualTo("reading.recorded");
            assertThat(frame.path("data").path("value").asDouble()).isEqualTo(3.5);
            assertThat(viewer.hasEvent(other.eventId())).isFalse();
        }
    }

    @Test
    void aSiteChannelCarriesTheReadingsOfAllTheSitesUnits() {
        try (FrameCollector viewer = viewerOf(org)) {
            viewer.subscribed("site:" + site);

            ReadingRecorded first = TestPlatform.reading(org, site, unit);
            ReadingRecorded second = TestPlatform.reading(org, site, otherUnitOfTheSite);
            ReadingRecorded elsewhere = TestPlatform.reading(org, UUID.randomUUID(), UUID.randomUUID());
            platform.send(first, PARTITION);
            platform.send(elsewhere, PARTITION);
            platform.send(second, PARTITION);

            viewer.awaitEvent(second.eventId());
            assertThat(viewer.eventsOf("site:" + site)).extracting(f -> f.path("data").path("eventId").asText())
                    .containsExactly(first.eventId().toString(), second.eventId().toString());
        }
    }

    @Test
    void anotherOrgsSiteOrUnitIsRefusedWithAnErrorNamingTheSubscriptionAndNoEvents() {
        UUID otherOrg = UUID.randomUUID();
        try (FrameCollector intruder = viewerOf(otherOrg)) {
            intruder.send(FrameCollector.subscribe("their-unit", "unit:" + unit, null));
            intruder.send(FrameCollector.subscribe("their-site", "site:" + site, null));
            intruder.subscribed("org");

            JsonNode unitRefused = intruder.awaitError("their-unit");
            JsonNode siteRefused = intruder.awaitError("their-site");
            assertThat(unitRefused.path("code").asText()).isEqualTo("channel-forbidden");
            assertThat(siteRefused.path("code").asText()).isEqualTo("channel-forbidden");

            ReadingRecorded reading = TestPlatform.reading(org, site, unit);
            platform.send(reading, PARTITION);
            // A later event of the intruder's own org, on the same partition, proves it would have seen it by now.
            ReadingRecorded own = TestPlatform.reading(otherOrg, null, UUID.randomUUID());
            platform.send(own, PARTITION);
            intruder.awaitEvent(own.eventId());
            assertThat(intruder.hasEvent(reading.eventId())).isFalse();
            assertThat(intruder.frames).filteredOn(f -> "event".equals(f.path("type").asText()))
                    .noneMatch(f -> f.toString().contains(unit.toString()) || f.toString().contains(org.toString()));
        }
    }

    @Test
    void aDeletedUnitAndAnUnknownUnitAreRefusedLikeAnotherOrgsOne() throws Exception {
        UUID deleted = UUID.randomUUID();
        platform.unitInProjection(deleted, org, site, true);
        try (FrameCollector viewer = viewerOf(org)) {
            viewer.send(FrameCollector.subscribe("deleted", "unit:" + deleted, null));
            viewer.send(FrameCollector.subscribe("unknown", "unit:" + UUID.randomUUID(), null));
            viewer.send(FrameCollector.subscribe("unknown-site", "site:" + UUID.randomUUID(), null));

            assertThat(viewer.awaitError("deleted").path("code").asText()).isEqualTo("channel-forbidden");
            assertThat(viewer.awaitError("unknown").path("code").asText()).isEqualTo("channel-forbidden");
            assertThat(viewer.awaitError("unknown-site").path("code").asText()).isEqualTo("channel-forbidden");
        }
    }

    @Test
    void theAlertsChannelCarriesAlertsOnlyAndTheCatalogChannelCatalogChangesOnly() {
        try (FrameCollector viewer = viewerOf(org)) {
            viewer.subscribed("alerts");
            viewer.subscribed("catalog");

            ReadingRecorded reading = TestPlatform.reading(org, site, unit);
            AlertOpened alert = TestPlatform.alertOpened(org, unit);
            CatalogChanged change = TestPlatform.unitCreated(org, site, UUID.randomUUID());
            platform.send(reading, PARTITION);
            platform.send(alert, PARTITION);
            platform.send(change);

            assertThat(viewer.awaitEvent(alert.eventId()).path("channel").asText()).isEqualTo("alerts");
            JsonNode changed = viewer.awaitEvent(change.eventId());
            assertThat(changed.path("channel").asText()).isEqualTo("catalog");
            assertThat(changed.path("eventType").asText()).isEqualTo("catalog.changed");
            assertThat(changed.path("eventId").asText()).startsWith("c-");
            assertThat(viewer.hasEvent(reading.eventId())).isFalse();
            assertThat(viewer.eventsOf("alerts")).hasSize(1);
            assertThat(viewer.eventsOf("catalog")).hasSize(1);
        }
    }

    @Test
    void anEventOfTwoSubscribedChannelsArrivesOncePerChannelAndUnsubscribingStopsIt() {
        try (FrameCollector viewer = viewerOf(org)) {
            viewer.subscribed("org");
            viewer.subscribed("unit:" + unit);

            ReadingRecorded first = TestPlatform.reading(org, site, unit);
            platform.send(first, PARTITION);
            await(() -> viewer.eventsOf("unit:" + unit).size() == 1 && viewer.eventsOf("org").size() == 1);

            viewer.send("{\"type\":\"unsubscribe\",\"id\":\"unit:" + unit + "\"}");
            // The second ack of that id: the unsubscribe's.
            await(() -> viewer.frames.stream().filter(f -> "ack".equals(f.path("type").asText())
                    && f.path("id").asText().equals("unit:" + unit)).count() == 2);
            ReadingRecorded second = TestPlatform.reading(org, site, unit);
            platform.send(second, PARTITION);
            await(() -> viewer.eventsOf("org").size() == 2);
            assertThat(viewer.eventsOf("unit:" + unit)).hasSize(1);
        }
    }

    @Test
    void subscribingTwiceToAChannelOrReusingAnIdIsRefused() {
        try (FrameCollector viewer = viewerOf(org)) {
            viewer.subscribed("org");
            viewer.send(FrameCollector.subscribe("again", "org", null));
            viewer.send(FrameCollector.subscribe("org", "alerts", null));

            assertThat(viewer.awaitError("again").path("code").asText()).isEqualTo("already-subscribed");
            assertThat(viewer.awaitError("org").path("code").asText()).isEqualTo("duplicate-subscription-id");
        }
    }

    private FrameCollector viewerOf(UUID orgId) {
        FrameCollector client = FrameCollector.withHeader(base, TestTokens.token(UUID.randomUUID(), orgId, Role.VIEWER));
        client.awaitWelcome();
        return client;
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(FrameCollector.PATIENCE).until(condition);
    }
}
