package dev.frostline.alert.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * @param due in time order
 * @param nextDeadline when the next notification falls due, for the adapter's escalation timer;
 *        empty once acknowledged, resolved, or nothing more is configured
 */
public record NotificationsDue(List<Notification> due, Optional<Instant> nextDeadline) {

    public NotificationsDue {
        due = List.copyOf(due);
    }
}
