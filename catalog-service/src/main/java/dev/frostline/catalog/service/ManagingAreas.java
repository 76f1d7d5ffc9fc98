package dev.frostline.catalog.service;

import dev.frostline.catalog.hierarchy.Area;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.permission.CatalogPermissions;
import dev.frostline.catalog.repository.AreaRepository;
import dev.frostline.catalog.repository.SiteRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Creates and reads the areas of the caller's organization. */
@ApplicationScoped
public class ManagingAreas {

    private final SiteRepository sites;
    private final AreaRepository areas;

    public ManagingAreas(SiteRepository sites, AreaRepository areas) {
        this.sites = sites;
        this.areas = areas;
    }

    /**
     * The parent is looked up before the role is checked: a site of another org answers 404 to every
     * caller, whatever their role, so no answer depends on what another org has.
     */
    @WithTransaction
    public Uni<Area> create(Caller caller, UUID siteId, String name) {
        return sites.findInOrg(siteId, caller.orgId()).chain(site -> {
            if (site == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Parent site", siteId));
            }
            CatalogPermissions.require(caller, CatalogOperation.WRITE_AREAS);
            return areas.persist(Area.createIn(site, name, CatalogClock.now()));
        });
    }

    @WithSession
    public Uni<List<Area>> list(Caller caller, UUID siteId) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return areas.listOfOrg(caller.orgId(), siteId);
    }

    @WithSession
    public Uni<Area> get(Caller caller, UUID id) {
        CatalogPermissions.require(caller, CatalogOperation.READ);
        return areas.findInOrg(id, caller.orgId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Area", id));
    }
}
