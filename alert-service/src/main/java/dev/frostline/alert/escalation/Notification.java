package dev.frostline.alert.escalation;

import dev.frostline.contracts.Role;
import java.time.Instant;

/**
 * A notification an open, unacknowledged alert is due. {@code audience} is the lowest role to
 * notify; every member with that role or a higher one is meant.
 */
public sealed interface Notification {

    Instant at();

    Role audience();

    /** When the alert opens. */
    record FirstNotice(Instant at, Role audience) implements Notification {
    }

    /** The {@code number}-th reminder, every re-notify interval after opening, to the audience in force then. */
    record Reminder(Instant at, Role audience, long number) implements Notification {
    }

    /** The {@code step}-th escalation (1-based): the audience widens to {@code audience}. */
    record Escalated(Instant at, Role audience, int step) implements Notification {
    }
}
