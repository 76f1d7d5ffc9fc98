package dev.frostline.catalog.service;

import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.permission.CatalogPermissions;
import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.repository.SiteRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Creates and reads the sites of the caller's organization. */
@ApplicationScoped
public class ManagingSites {

    private final SiteRepository sites;

    public ManagingSites(SiteRepository sites) {
        this.sites = sites;
    }

    @WithTransaction
    public Uni<Site> create(Caller caller, String name, String timeZone) {
        CatalogPermissions.require(caller, CatalogOperation.WRITE_SITES);
        Site site = Site.create(caller.orgId(), name, timeZone, CatalogClock.now());
        return sites.persist(site);
    }

    @WithSession
    public Uni<List<Site>> list(Caller caller) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return sites.listOfOrg(caller.orgId());
    }

    @WithSession
    public Uni<Site> get(Caller caller, UUID id) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return sites.findInOrg(id, caller.orgId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Site", id));
    }
}
