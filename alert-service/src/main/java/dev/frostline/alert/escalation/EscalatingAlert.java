package dev.frostline.alert.escalation;

import dev.frostline.alert.escalation.Notification.Escalated;
import dev.frostline.alert.escalation.Notification.FirstNotice;
import dev.frostline.alert.escalation.Notification.Reminder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which notifications an open alert is due, and when the next one falls due. Pure and
 * deterministic: the schedule is fixed by the alert's opening time and the rule's
 * {@link EscalationPolicy}, so the adapter only has to remember up to when it has sent
 * ({@code sentUpTo}) and ask again at {@link NotificationsDue#nextDeadline()}. Asking twice with
 * the same {@code sentUpTo} returns the same notifications, so a timer handled twice can be
 * deduplicated by (alert, notification) rather than by luck.
 *
 * <ul>
 *   <li>The first notice goes out when the alert opens.</li>
 *   <li>A reminder every {@code renotifyEvery} after opening, to the widest audience in force then.</li>
 *   <li>Each escalation step widens the audience {@code after} its time since opening; at an instant
 *       that has both, the escalation is the notification (its audience includes the reminder's).</li>
 *   <li>Nothing falls due at or after acknowledgement or resolution: acknowledging stops reminders and
 *       escalation, resolving ends everything.</li>
 * </ul>
 */
public final class EscalatingAlert {

    private EscalatingAlert() {
    }

    /** {@link #notificationsDue(EscalationPolicy, AlertTimeline, Instant, Instant)} at the clock's now. */
    public static NotificationsDue notificationsDue(EscalationPolicy policy, AlertTimeline alert, Instant sentUpTo,
            Clock clock) {
        return notificationsDue(policy, alert, sentUpTo, clock.instant());
    }

    /**
     * @param sentUpTo the {@code now} of the previous call whose notifications were sent; null if none was
     * @return what falls due in {@code (sentUpTo, now]}, and the first instant after {@code now} that will
     */
    public static NotificationsDue notificationsDue(EscalationPolicy policy, AlertTimeline alert, Instant sentUpTo,
            Instant now) {
        Instant opened = alert.openedAt();
        Instant quietFrom = alert.quietFrom();
        List<Notification> due = new ArrayList<>();
        List<Instant> later = new ArrayList<>();

        Set<Instant> escalationTimes = new HashSet<>();
        consider(new FirstNotice(opened, policy.firstAudience()), sentUpTo, now, quietFrom, due, later);
        for (int i = 0; i < policy.steps().size(); i++) {
            EscalationStep step = policy.steps().get(i);
            Instant at = opened.plus(step.after());
            escalationTimes.add(at);
            consider(new Escalated(at, step.audience(), i + 1), sentUpTo, now, quietFrom, due, later);
        }
        Duration every = policy.renotifyEvery();
        if (every != null) {
            long first = sentUpTo == null || !sentUpTo.isAfter(opened) ? 1
                    : Duration.between(opened, sentUpTo).dividedBy(every) + 1;
            for (long k = first; ; k++) {
                Duration elapsed = every.multipliedBy(k);
                Instant at = opened.plus(elapsed);
                if (escalationTimes.contains(at)) {
                    continue;
                }
                boolean inWindow = consider(new Reminder(at, policy.audienceAfter(elapsed), k), sentUpTo, now,
                        quietFrom, due, later);
                if (!inWindow) {
                    break;
                }
            }
        }
        due.sort(Comparator.comparing(Notification::at));
        return new NotificationsDue(due, later.stream().min(Comparator.naturalOrder()));
    }

    /**
     * Files a notification as due, or as a later deadline. Returns false once it is past the window
     * (after {@code now}, or silenced), which ends the reminder series.
     */
    private static boolean consider(Notification notification, Instant sentUpTo, Instant now, Instant quietFrom,
            List<Notification> due, List<Instant> later) {
        Instant at = notification.at();
        if (quietFrom != null && !at.isBefore(quietFrom)) {
            return false;
        }
        if (at.isAfter(now)) {
            later.add(at);
            return false;
        }
        if (sentUpTo == null || at.isAfter(sentUpTo)) {
            due.add(notification);
        }
        return true;
    }
}
