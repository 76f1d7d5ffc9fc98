package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditOperation;
import dev.frostline.catalog.device.Gateway;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.repository.CatalogStore;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Registers and renames the LoRaWAN gateways of the caller's sites. */
@ApplicationScoped
public class ManagingGateways {

    private final CatalogStore store;
    private final CatalogLifecycle lifecycle;
    private final ChangeRecorder changes;

    public ManagingGateways(CatalogStore store, CatalogLifecycle lifecycle, ChangeRecorder changes) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.changes = changes;
    }

    /** {@code gatewayEui} is already canonical (16 upper-case hex digits). */
    @WithTransaction
    public Uni<Gateway> register(Caller caller, UUID siteId, String name, String gatewayEui) {
        return lifecycle.liveParent(caller, CatalogOperation.WRITE_GATEWAYS, EntityType.SITE, Site.class, siteId)
                .chain(site -> store.takenAnywhere(Gateway.class, "gatewayEui", gatewayEui).chain(taken -> {
                    if (taken) {
                        return Uni.createFrom().failure(duplicate(gatewayEui));
                    }
                    Gateway gateway = Gateway.registerAt(site, name, gatewayEui, CatalogClock.now());
                    return DuplicateIdentifiers.refuse(store.persist(gateway), () -> duplicate(gatewayEui))
                            .chain(() -> changes.record(caller, AuditOperation.CREATED, gateway, null))
                            .replaceWith(gateway);
                }));
    }

    @WithTransaction
    public Uni<Gateway> update(Caller caller, UUID id, long expectedVersion, String name) {
        return lifecycle.liveForUpdate(caller, EntityType.GATEWAY, Gateway.class, id, expectedVersion).call(gateway -> {
            Map<String, Object> before = gateway.snapshot();
            gateway.update(name, CatalogClock.now());
            return changes.record(caller, AuditOperation.UPDATED, gateway, before);
        });
    }

    private static ProblemException duplicate(String gatewayEui) {
        return new ProblemException(CatalogProblems.DUPLICATE_GATEWAY, "A gateway with EUI " + gatewayEui
                + " is already registered. Each gateway can be registered once; check the EUI.");
    }
}
