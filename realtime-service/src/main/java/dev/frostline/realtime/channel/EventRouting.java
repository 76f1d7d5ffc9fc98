package dev.frostline.realtime.channel;

import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.PlatformEvent;
import dev.frostline.contracts.events.ReadingRecorded;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which channels an event belongs to: always its org's {@code org} channel; {@code site:<id>} and
 * {@code unit:<id>} when the event names them; {@code alerts} for alert events; {@code catalog} for
 * hierarchy changes. The same rule decides live delivery and what a resume replays.
 */
public final class EventRouting {

    private EventRouting() {
    }

    public static List<OrgChannel> channelsOf(PlatformEvent event) {
        List<OrgChannel> channels = new ArrayList<>(4);
        UUID org = event.orgId();
        channels.add(new OrgChannel(org, Channel.ORG));
        UUID site = siteOf(event);
        if (site != null) {
            channels.add(new OrgChannel(org, Channel.site(site)));
        }
        UUID unit = unitOf(event);
        if (unit != null) {
            channels.add(new OrgChannel(org, Channel.unit(unit)));
        }
        if (event instanceof AlertEvent) {
            channels.add(new OrgChannel(org, Channel.ALERTS));
        }
        if (event instanceof CatalogChanged) {
            channels.add(new OrgChannel(org, Channel.CATALOG));
        }
        return channels;
    }

    public static boolean belongsTo(PlatformEvent event, OrgChannel channel) {
        return channelsOf(event).contains(channel);
    }

    // No pattern switch on Java 17; EventRoutingTest checks every permitted subtype is handled.
    static UUID siteOf(PlatformEvent event) {
        if (event instanceof ReadingRecorded reading) {
            return reading.siteId();
        }
        if (event instanceof AlertEvent alert) {
            return alert.siteId();
        }
        if (event instanceof CatalogChanged change) {
            // A site's own change carries its ID as entityId; siteId is then null or the same.
            return change.siteId() != null ? change.siteId()
                    : "site".equals(change.entity()) ? change.entityId() : null;
        }
        throw new IllegalArgumentException("no routing for " + event.getClass().getName());
    }

    static UUID unitOf(PlatformEvent event) {
        if (event instanceof ReadingRecorded reading) {
            return reading.unitId();
        }
        if (event instanceof AlertEvent alert) {
            return alert.unitId();
        }
        if (event instanceof CatalogChanged change) {
            return change.unitId();
        }
        throw new IllegalArgumentException("no routing for " + event.getClass().getName());
    }
}
