package dev.frostline.alert.service;

import dev.frostline.alert.alert.Alert;
import dev.frostline.alert.alert.AlertStatus;
import dev.frostline.alert.repository.AlertRepository;
import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads the caller's org's alerts. */
@ApplicationScoped
public class QueryingAlerts {

    /** A list is a view of recent alerts, not an export. */
    public static final int LIST_LIMIT = 100;

    private final AlertRepository alerts;

    public QueryingAlerts(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** @param unitId only this unit's alerts, or all when null; @param status likewise */
    @WithSession
    public Uni<List<Alert>> list(Caller caller, UUID unitId, AlertStatus status) {
        caller.require(Role.VIEWER);
        return alerts.listOfOrg(caller.orgId(), unitId, status, LIST_LIMIT);
    }

    @WithSession
    public Uni<Alert> get(Caller caller, UUID id) {
        caller.require(Role.VIEWER);
        return alerts.findInOrg(id, caller.orgId()).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Alert", id));
    }
}
