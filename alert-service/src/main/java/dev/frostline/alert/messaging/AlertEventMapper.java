package dev.frostline.alert.messaging;

import dev.frostline.alert.alert.Alert;
import dev.frostline.alert.alert.AlertIds;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.AlertResolved;

public final class AlertEventMapper {

    private AlertEventMapper() {
    }

    public static AlertOpened opened(Alert alert) {
        return new AlertOpened(AlertIds.openedEventId(alert.triggeringReadingId), alert.orgId, alert.siteId,
                alert.unitId, alert.id, alert.triggeringReadingId, alert.metric.wireName(), alert.triggerValue,
                alert.min, alert.max, alert.openedAt);
    }

    /** @param value the reading that brought the metric back in range */
    public static AlertResolved resolved(Alert alert, double value) {
        return new AlertResolved(AlertIds.resolvedEventId(alert.resolvingReadingId), alert.orgId, alert.siteId,
                alert.unitId, alert.id, alert.resolvingReadingId, alert.metric.wireName(), value, alert.resolvedAt);
    }
}
