package dev.frostline.alert.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.escalation.Notification.Escalated;
import dev.frostline.alert.escalation.Notification.FirstNotice;
import dev.frostline.alert.escalation.Notification.Reminder;
import dev.frostline.contracts.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-notify every 15 minutes; escalate to managers after 30 and admins after 60. */
class EscalatingAlertTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T08:00:00Z");
    private static final EscalationPolicy POLICY = new EscalationPolicy(Role.STAFF, Duration.ofMinutes(15),
            List.of(new EscalationStep(Duration.ofMinutes(30), Role.MANAGER),
                    new EscalationStep(Duration.ofMinutes(60), Role.ADMIN)));
    private static final AlertTimeline UNACKNOWLEDGED = AlertTimeline.openedAt(OPENED);

    private static Instant min(int minutes) {
        return OPENED.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void theFirstNoticeIsDueWhenTheAlertOpens() {
        NotificationsDue due = EscalatingAlert.notificationsDue(POLICY, UNACKNOWLEDGED, null, OPENED);
        assertThat(due.due()).containsExactly(new FirstNotice(OPENED, Role.STAFF));
        assertThat(due.nextDeadline()).contains(min(15));
    }

    @Test
    void anUnacknowledgedAlertIsRemindedEveryIntervalAndEscalatesOnSchedule() {
        NotificationsDue due = EscalatingAlert.notificationsDue(POLICY, UNACKNOWLEDGED, null, min(75));
        assertThat(due.due()).containsExactly(new FirstNotice(OPENED, Role.STAFF),
                new Reminder(min(15), Role.STAFF, 1),
                new Escalated(min(30), Role.MANAGER, 1),
                new Reminder(min(45), Role.MANAGER, 3),
                new Escalated(min(60), Role.ADMIN, 2),
                new Reminder(min(75), Role.ADMIN, 5));
        assertThat(due.nextDeadline()).contains(min(90));
    }

    @Test
    void onlyWhatFellDueSinceTheLastSendingIsDue() {
        NotificationsDue due = EscalatingAlert.notificationsDue(POLICY, UNACKNOWLEDGED, min(15), min(44));
        assertThat(due.due()).containsExactly(new Escalated(min(30), Role.MANAGER, 1));
        assertThat(due.nextDeadline()).contains(min(45));
    }

    @Test
    void askingAgainWithTheSameSentUpToGivesTheSameAnswer() {
        assertThat(EscalatingAlert.notificationsDue(POLICY, UNACKNOWLEDGED, min(15), min(44)))
                .isEqualTo(EscalatingAlert.notificationsDue(POLICY, UNACKNOWLEDGED, min(15), min(44)));
    }

    @Test
    void nothingIsDueBetweenDeadlines() {
        NotificationsDue due = EscalatingAlert.notificationsDue(POLICY, UNACKNOWLEDGED, min(15), min(20));
        assertThat(due.due()).isEmpty();
        assertThat(due.nextDeadline()).contains(min(30));
    }

    @Test
    void acknowledgingStopsRemindersAndEscalation() {
        AlertTimeline acknowledged = new AlertTimeline(OPENED, min(20), null);
        NotificationsDue due = EscalatingAlert.notificationsDue(POLICY, acknowledged, min(15), min(120));
        assertThat(due.due()).isEmpty();
        assertThat(due.nextDeadline()).isEmpty();
    }

    @Test
    void aReminderAtTheMomentOfAcknowledgementIsNotSent() {
        AlertTimeline acknowledged = new AlertTimeline(OPENED, min(15), null);
        assertThat(EscalatingAlert.notificationsDue(POLICY, acknowledged, OPENED, min(15)).due()).isEmpty();
    }

    @Test
    void notificationsDueBeforeTheAcknowledgementStillGoOut() {
        AlertTimeline acknowledged = new AlertTimeline(OPENED, min(20), null);
        assertThat(EscalatingAlert.notificationsDue(POLICY, acknowledged, null, min(25)).due())
                .containsExactly(new FirstNotice(OPENED, Role.STAFF), new Reminder(min(15), Role.STAFF, 1));
    }

    @Test
    void resolvingEndsEverythingEvenUnacknowledged() {
        AlertTimeline resolved = new AlertTimeline(OPENED, null, min(40));
        NotificationsDue due = EscalatingAlert.notificationsDue(POLICY, resolved, min(30), min(200));
        assertThat(due.due()).isEmpty();
        assertThat(due.nextDeadline()).isEmpty();
    }

    @Test
    void withoutRemindersOrStepsOnlyTheFirstNoticeGoesOut() {
        EscalationPolicy once = EscalationPolicy.notifyOnce(Role.MANAGER);
        NotificationsDue due = EscalatingAlert.notificationsDue(once, UNACKNOWLEDGED, null, min(600));
        assertThat(due.due()).containsExactly(new FirstNotice(OPENED, Role.MANAGER));
        assertThat(due.nextDeadline()).isEmpty();
    }

    @Test
    void escalationWithoutRemindersFollowsTheStepsOnly() {
        EscalationPolicy steps = new EscalationPolicy(Role.STAFF, null,
                List.of(new EscalationStep(Duration.ofMinutes(10), Role.ADMIN)));
        NotificationsDue due = EscalatingAlert.notificationsDue(steps, UNACKNOWLEDGED, OPENED, min(9));
        assertThat(due.due()).isEmpty();
        assertThat(due.nextDeadline()).contains(min(10));
    }

    @Test
    void anInjectedClockGivesNow() {
        Clock clock = Clock.fixed(min(31), ZoneOffset.UTC);
        assertThat(EscalatingAlert.notificationsDue(POLICY, UNACKNOWLEDGED, min(15), clock).due())
                .containsExactly(new Escalated(min(30), Role.MANAGER, 1));
    }
}
