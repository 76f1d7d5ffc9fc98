package dev.frostline.alert.notification;

import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import java.util.List;
import java.util.UUID;

/** Everyone of one org who may receive its notifications: its current members and its enabled endpoints. */
public record Recipients(List<Member> members, List<Endpoint> endpoints) {

    public Recipients {
        members = List.copyOf(members);
        endpoints = List.copyOf(endpoints);
    }

    /** A current member with their preferences (the defaults when they never set any). */
    public record Member(UUID userId, String email, Role role, boolean emailEnabled, Severity minSeverity) {
    }

    /** An enabled webhook endpoint. */
    public record Endpoint(UUID endpointId, Severity minSeverity) {
    }
}
