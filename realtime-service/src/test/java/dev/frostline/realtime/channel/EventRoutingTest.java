package dev.frostline.realtime.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.AlertResolved;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventRoutingTest {

    private final UUID org = UUID.randomUUID();
    private final UUID site = UUID.randomUUID();
    private final UUID unit = UUID.randomUUID();
    private final Instant now = Instant.now();

    @Test
    void aReadingGoesToItsOrgSiteAndUnit() {
        ReadingRecorded reading = new ReadingRecorded(UUID.randomUUID(), org, site, unit, "temperature_c", 4.0, now, now);

        assertThat(EventRouting.channelsOf(reading)).containsExactly(
                new OrgChannel(org, Channel.ORG), new OrgChannel(org, Channel.site(site)),
                new OrgChannel(org, Channel.unit(unit)));
    }

    @Test
    void aReadingOfAUnitWithoutASiteGoesToNoSiteChannel() {
        ReadingRecorded reading = new ReadingRecorded(UUID.randomUUID(), org, null, unit, "temperature_c", 4.0, now, now);

        assertThat(EventRouting.channelsOf(reading)).containsExactly(
                new OrgChannel(org, Channel.ORG), new OrgChannel(org, Channel.unit(unit)));
    }

    @Test
    void alertEventsAlsoGoToTheAlertsChannel() {
        AlertOpened opened = new AlertOpened(UUID.randomUUID(), org, site, unit, UUID.randomUUID(), UUID.randomUUID(),
                "temperature_c", 9.0, null, 8.0, now);
        AlertResolved resolved = new AlertResolved(UUID.randomUUID(), org, site, unit, UUID.randomUUID(), null,
                "temperature_c", 7.0, now);

        for (AlertEvent alert : new AlertEvent[] {opened, resolved}) {
            assertThat(EventRouting.channelsOf(alert)).containsExactlyInAnyOrder(
                    new OrgChannel(org, Channel.ORG), new OrgChannel(org, Channel.site(site)),
                    new OrgChannel(org, Channel.unit(unit)), new OrgChannel(org, Channel.ALERTS));
        }
    }

    @Test
    void aCatalogChangeGoesToTheCatalogChannelAndToTheSiteAndUnitItConcerns() {
        CatalogChanged unitMoved = new CatalogChanged(UUID.randomUUID(), org, "unit", unit, "moved", site, null, unit,
                UUID.randomUUID(), 3, Map.of(), now);
        UUID newSite = UUID.randomUUID();
        CatalogChanged siteCreated = new CatalogChanged(UUID.randomUUID(), org, "site", newSite, "created", null, null,
                null, UUID.randomUUID(), 1, Map.of(), now);

        assertThat(EventRouting.channelsOf(unitMoved)).containsExactlyInAnyOrder(
                new OrgChannel(org, Channel.ORG), new OrgChannel(org, Channel.site(site)),
                new OrgChannel(org, Channel.unit(unit)), new OrgChannel(org, Channel.CATALOG));
        assertThat(EventRouting.channelsOf(siteCreated)).containsExactlyInAnyOrder(
                new OrgChannel(org, Channel.ORG), new OrgChannel(org, Channel.site(newSite)),
                new OrgChannel(org, Channel.CATALOG));
    }

    @Test
    void anEventNeverReachesTheSameChannelOfAnotherOrg() {
        ReadingRecorded reading = new ReadingRecorded(UUID.randomUUID(), org, site, unit, "temperature_c", 4.0, now, now);

        assertThat(EventRouting.belongsTo(reading, new OrgChannel(UUID.randomUUID(), Channel.unit(unit)))).isFalse();
        assertThat(EventRouting.belongsTo(reading, new OrgChannel(org, Channel.unit(unit)))).isTrue();
    }

    @Test
    void everyPermittedEventTypeIsRouted() {
        // No pattern switch on Java 17, so the sealed hierarchies are checked here instead of by the compiler.
        assertThat(TelemetryEvent.class.getPermittedSubclasses()).containsExactly(ReadingRecorded.class);
        // Every AlertEvent names its unit and site through the interface, so all of them are routed.
        assertThat(AlertEvent.class.getPermittedSubclasses()).contains(AlertOpened.class, AlertResolved.class);
    }
}
