package dev.frostline.alert.repository;

import dev.frostline.alert.excursion.ExcursionState;
import java.util.UUID;

/**
 * An excursion state row: the domain's {@link ExcursionState}, plus which edit of which rule it was
 * last evaluated against and the alert it has open.
 *
 * @param alertId the open alert (phase alarm_active or restoring), else null
 * @param rowVersion the row's version as read ({@link #NEW} if there was no row): every write of the row
 *     bumps it, so a writer that did not lock the row can tell whether it changed since it was read
 */
public record StoredState(PairKey pair, UUID orgId, UUID ruleId, long ruleVersion, ExcursionState state,
        UUID alertId, long rowVersion) {

    /** The row version of a state not stored yet. */
    public static final long NEW = -1;
}
