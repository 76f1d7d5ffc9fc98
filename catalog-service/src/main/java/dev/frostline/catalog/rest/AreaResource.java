package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.Area;
import dev.frostline.catalog.service.ManagingAreas;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path(AreaResource.PATH)
@Authenticated
public class AreaResource {

    static final String PATH = "/api/catalog/areas";

    private final ManagingAreas areas;
    private final CatalogLifecycle lifecycle;
    private final CurrentCaller caller;

    public AreaResource(ManagingAreas areas, CatalogLifecycle lifecycle, CurrentCaller caller) {
        this.areas = areas;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create an area in a live site of the organization (manager)")
    public Uni<Response> create(@Valid @NotNull CreateAreaRequest request) {
        return areas.create(caller.get(), request.siteId(), request.name())
                .map(area -> Responses.created(PATH, area, AreaView::of));
    }

    @GET
    @Operation(summary = "List the organization's areas, optionally of one site, a page at a time")
    public Uni<PageView<AreaView>> list(@QueryParam("siteId") String siteId, @BeanParam ListParams params) {
        return lifecycle.list(caller.get(), Area.class, params.filter("siteId", QueryIds.optional("siteId", siteId)),
                params.page()).map(page -> PageView.of(page, AreaView::of));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Rename an area (manager); needs If-Match with its ETag (428 without, 412 when stale)")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull NameRequest request) {
        long expected = EntityTags.expectedVersion(ifMatch);
        return areas.update(caller.get(), id, expected, request.name()).map(area -> Responses.ok(area, AreaView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one live area of the organization, with its ETag")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return lifecycle.get(caller.get(), EntityType.AREA, Area.class, id).map(e -> Responses.ok(e, AreaView::of));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Soft-delete a area (manager); refused with 409 has-live-children while live children remain")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return lifecycle.delete(caller.get(), EntityType.AREA, Area.class, id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a deleted area (manager); refused with 409 parent-deleted while its parent is deleted")
    public Uni<Response> restore(@PathParam("id") UUID id) {
        return lifecycle.restore(caller.get(), EntityType.AREA, Area.class, id).map(e -> Responses.ok(e, AreaView::of));
    }
}
