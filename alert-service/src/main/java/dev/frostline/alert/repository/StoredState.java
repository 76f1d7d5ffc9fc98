package dev.frostline.alert.repository;

import dev.frostline.alert.excursion.ExcursionState;
import java.util.UUID;

/**
 * An excursion state row: the domain's {@link ExcursionState}, plus which edit of which rule it was
 * last evaluated against and the alert it has open.
 *
 * @param alertId the open alert (phase alarm_active or restoring), else null
 */
public record StoredState(PairKey pair, UUID orgId, UUID ruleId, long ruleVersion, ExcursionState state,
        UUID alertId) {
}
