package dev.frostline.alert.notification;

import java.util.ArrayList;
import java.util.List;

/**
 * Who receives a request: by email every member whose role is at least the request's audience,
 * who has email enabled and whose minimum severity the request reaches; by webhook every enabled
 * endpoint of the org whose minimum severity it reaches.
 */
public final class ExpandingNotificationRequest {

    private ExpandingNotificationRequest() {
    }

    public static List<PlannedDelivery> expand(NotificationRequest request, Recipients recipients) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        for (Recipients.Member member : recipients.members()) {
            if (member.role().atLeast(request.audience()) && member.emailEnabled()
                    && Severities.reaches(request.severity(), member.minSeverity())) {
                deliveries.add(PlannedDelivery.email(request.id(), member.userId(), member.email()));
            }
        }
        for (Recipients.Endpoint endpoint : recipients.endpoints()) {
            if (Severities.reaches(request.severity(), endpoint.minSeverity())) {
                deliveries.add(PlannedDelivery.webhook(request.id(), endpoint.endpointId()));
            }
        }
        return deliveries;
    }
}
