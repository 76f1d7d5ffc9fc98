package dev.frostline.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpandingNotificationRequestTest {

    private static final UUID ORG = UUID.randomUUID();

    private static Recipients.Member member(Role role, boolean email, Severity minimum) {
        UUID id = UUID.randomUUID();
        return new Recipients.Member(id, id + "@example.com", role, email, minimum);
    }

    private static NotificationRequest request(Severity severity, Role audience) {
        return new NotificationRequest(UUID.randomUUID(), ORG, UUID.randomUUID(), severity, audience);
    }

    @Test
    void membersAtOrAboveTheAudienceAreMailed() {
        List<Recipients.Member> members = List.of(member(Role.VIEWER, true, Severity.WARNING),
                member(Role.STAFF, true, Severity.WARNING), member(Role.MANAGER, true, Severity.WARNING),
                member(Role.OWNER, true, Severity.WARNING));

        List<PlannedDelivery> deliveries = ExpandingNotificationRequest.expand(request(Severity.WARNING, Role.MANAGER),
                new Recipients(members, List.of()));

        assertThat(deliveries).extracting(PlannedDelivery::userId)
                .containsExactly(members.get(2).userId(), members.get(3).userId());
        assertThat(deliveries).extracting(PlannedDelivery::channel).containsOnly(Channel.EMAIL);
    }

    @Test
    void preferencesFilterByChannelAndSeverity() {
        Recipients.Member criticalOnly = member(Role.STAFF, true, Severity.CRITICAL);
        Recipients.Member noEmail = member(Role.STAFF, false, Severity.WARNING);
        Recipients.Member everything = member(Role.STAFF, true, Severity.WARNING);
        Recipients recipients = new Recipients(List.of(criticalOnly, noEmail, everything), List.of());

        assertThat(ExpandingNotificationRequest.expand(request(Severity.WARNING, Role.STAFF), recipients))
                .extracting(PlannedDelivery::userId).containsExactly(everything.userId());
        assertThat(ExpandingNotificationRequest.expand(request(Severity.CRITICAL, Role.STAFF), recipients))
                .extracting(PlannedDelivery::userId).containsExactly(criticalOnly.userId(), everything.userId());
    }

    @Test
    void endpointsGetWhatReachesTheirMinimumWhateverTheAudience() {
        Recipients.Endpoint all = new Recipients.Endpoint(UUID.randomUUID(), Severity.WARNING);
        Recipients.Endpoint critical = new Recipients.Endpoint(UUID.randomUUID(), Severity.CRITICAL);
        Recipients recipients = new Recipients(List.of(), List.of(all, critical));

        assertThat(ExpandingNotificationRequest.expand(request(Severity.WARNING, Role.OWNER), recipients))
                .extracting(PlannedDelivery::endpointId).containsExactly(all.endpointId());
        assertThat(ExpandingNotificationRequest.expand(request(Severity.CRITICAL, Role.OWNER), recipients))
                .extracting(PlannedDelivery::endpointId).containsExactly(all.endpointId(), critical.endpointId());
    }

    @Test
    void deliveryIdsDeriveFromRequestAndRecipientSoAReexpansionAddsNothing() {
        Recipients recipients = new Recipients(List.of(member(Role.OWNER, true, Severity.WARNING)),
                List.of(new Recipients.Endpoint(UUID.randomUUID(), Severity.WARNING)));
        NotificationRequest request = request(Severity.WARNING, Role.VIEWER);
        NotificationRequest other = request(Severity.WARNING, Role.VIEWER);

        List<PlannedDelivery> once = ExpandingNotificationRequest.expand(request, recipients);
        List<PlannedDelivery> again = ExpandingNotificationRequest.expand(request, recipients);

        assertThat(again).isEqualTo(once);
        assertThat(once).extracting(PlannedDelivery::id).doesNotHaveDuplicates();
        assertThat(ExpandingNotificationRequest.expand(other, recipients)).extracting(PlannedDelivery::id)
                .doesNotContainAnyElementsOf(once.stream().map(PlannedDelivery::id).toList());
    }
}
