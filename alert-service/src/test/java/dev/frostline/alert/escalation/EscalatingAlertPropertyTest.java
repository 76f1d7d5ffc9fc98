package dev.frostline.alert.escalation;

import dev.frostline.contracts.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The adapter asks at arbitrary moments; what it sends must not depend on when it asked. */
class EscalatingAlertPropertyTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T08:00:00Z");

    private static EscalationPolicy policy(int renotifyMinutes, int managerAfter, int adminAfter) {
        List<EscalationStep> steps = new ArrayList<>();
        if (managerAfter > 0) {
            steps.add(new EscalationStep(Duration.ofMinutes(managerAfter), Role.MANAGER));
            if (adminAfter > 0) {
                steps.add(new EscalationStep(Duration.ofMinutes(managerAfter + adminAfter), Role.ADMIN));
            }
        }
        return new EscalationPolicy(Role.STAFF, renotifyMinutes == 0 ? null : Duration.ofMinutes(renotifyMinutes),
                steps);
    }

    @Property(tries = 300)
    void askingAtAnyMomentsSendsTheSameNotificationsAsAskingOnce(
            @ForAll @IntRange(min = 0, max = 30) int renotifyMinutes,
            @ForAll @IntRange(min = 0, max = 90) int managerAfter,
            @ForAll @IntRange(min = 0, max = 90) int adminAfter,
            @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 400) Integer> askAtMinutes,
            @ForAll @IntRange(min = 0, max = 400) int acknowledgedAfter) {
        EscalationPolicy policy = policy(renotifyMinutes, managerAfter, adminAfter);
        AlertTimeline alert = new AlertTimeline(OPENED, OPENED.plus(Duration.ofMinutes(acknowledgedAfter)), null);
        Instant end = OPENED.plus(Duration.ofMinutes(400));

        List<Notification> piecewise = new ArrayList<>();
        Instant sentUpTo = null;
        List<Instant> moments = new ArrayList<>(askAtMinutes.stream().sorted()
                .map(m -> OPENED.plus(Duration.ofMinutes(m))).toList());
        moments.add(end);
        for (Instant now : moments) {
            piecewise.addAll(EscalatingAlert.notificationsDue(policy, alert, sentUpTo, now).due());
            sentUpTo = now;
        }
        List<Notification> atOnce = EscalatingAlert.notificationsDue(policy, alert, null, end).due();
        if (!piecewise.equals(atOnce)) {
            throw new AssertionError("asked at " + moments + ": " + piecewise + " instead of " + atOnce);
        }
        if (atOnce.stream().anyMatch(n -> !n.at().isBefore(alert.acknowledgedAt()))) {
            throw new AssertionError("notified after the acknowledgement: " + atOnce);
        }
    }

    @Property(tries = 300)
    void theNextDeadlineIsWhenTheNextNotificationFallsDue(
            @ForAll @IntRange(min = 1, max = 30) int renotifyMinutes,
            @ForAll @IntRange(min = 1, max = 90) int managerAfter,
            @ForAll @IntRange(min = 0, max = 300) int nowMinutes) {
        EscalationPolicy policy = policy(renotifyMinutes, managerAfter, 0);
        AlertTimeline alert = AlertTimeline.openedAt(OPENED);
        Instant now = OPENED.plus(Duration.ofMinutes(nowMinutes));
        Instant next = EscalatingAlert.notificationsDue(policy, alert, null, now).nextDeadline().orElseThrow();
        List<Notification> atNext = EscalatingAlert.notificationsDue(policy, alert, now, next).due();
        if (atNext.isEmpty() || !atNext.get(0).at().equals(next)
                || !EscalatingAlert.notificationsDue(policy, alert, now, next.minusSeconds(1)).due().isEmpty()) {
            throw new AssertionError("deadline " + next + " but due then: " + atNext);
        }
    }
}
