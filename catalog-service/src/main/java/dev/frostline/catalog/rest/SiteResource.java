package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.Site;
import dev.frostline.catalog.service.ManagingSites;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.service.CatalogLifecycle;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path(SiteResource.PATH)
@Authenticated
public class SiteResource {

    static final String PATH = "/api/catalog/sites";

    private final ManagingSites sites;
    private final CatalogLifecycle lifecycle;
    private final CurrentCaller caller;

    public SiteResource(ManagingSites sites, CatalogLifecycle lifecycle, CurrentCaller caller) {
        this.sites = sites;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a site (admin); timeZone is an IANA ID and defaults to UTC")
    public Uni<Response> create(@Valid @NotNull SiteRequest request) {
        return sites.create(caller.get(), request.details()).map(site -> Responses.created(PATH, site, SiteView::of));
    }

    @GET
    @Operation(summary = "List the organization's sites, a page at a time")
    public Uni<PageView<SiteView>> list(@BeanParam ListParams params) {
        return lifecycle.list(caller.get(), Site.class, params.filter(), params.page())
                .map(page -> PageView.of(page, SiteView::of));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a site's fields (admin); needs If-Match with its ETag (428 without, 412 when stale)")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull SiteRequest request) {
        long expected = EntityTags.expectedVersion(ifMatch);
        return sites.update(caller.get(), id, expected, request.details()).map(site -> Responses.ok(site, SiteView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one live site of the organization, with its ETag")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return lifecycle.get(caller.get(), EntityType.SITE, Site.class, id).map(e -> Responses.ok(e, SiteView::of));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Soft-delete a site (admin); refused with 409 has-live-children while live children remain")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return lifecycle.delete(caller.get(), EntityType.SITE, Site.class, id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a deleted site (admin); refused with 409 parent-deleted while its parent is deleted")
    public Uni<Response> restore(@PathParam("id") UUID id) {
        return lifecycle.restore(caller.get(), EntityType.SITE, Site.class, id).map(e -> Responses.ok(e, SiteView::of));
    }
}
