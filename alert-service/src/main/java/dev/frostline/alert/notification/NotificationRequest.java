package dev.frostline.alert.notification;

import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import java.util.UUID;

/** The part of a notification_requests row that decides who receives it. */
public record NotificationRequest(UUID id, UUID orgId, UUID alertId, Severity severity, Role audience) {
}
