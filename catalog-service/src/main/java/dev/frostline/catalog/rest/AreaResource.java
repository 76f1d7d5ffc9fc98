package dev.frostline.catalog.rest;

import dev.frostline.catalog.service.ManagingAreas;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path(AreaResource.PATH)
@Authenticated
public class AreaResource {

    static final String PATH = "/api/catalog/areas";

    private final ManagingAreas areas;
    private final CurrentCaller caller;

    public AreaResource(ManagingAreas areas, CurrentCaller caller) {
        this.areas = areas;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create an area in a site of the organization (manager)")
    public Uni<Response> create(@Valid @NotNull CreateAreaRequest request) {
        return areas.create(caller.get(), request.siteId(), request.name())
                .map(area -> Response.created(URI.create(PATH + "/" + area.id)).entity(AreaView.of(area)).build());
    }

    @GET
    @Operation(summary = "List the organization's areas, optionally of one site")
    public Uni<List<AreaView>> list(@QueryParam("siteId") String siteId) {
        return areas.list(caller.get(), QueryIds.optional("siteId", siteId))
                .map(list -> list.stream().map(AreaView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one area of the organization")
    public Uni<AreaView> get(@PathParam("id") UUID id) {
        return areas.get(caller.get(), id).map(AreaView::of);
    }
}
