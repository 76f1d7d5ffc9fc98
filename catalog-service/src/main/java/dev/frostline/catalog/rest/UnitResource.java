package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.UnitType;
import dev.frostline.catalog.service.ManagingUnits;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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

@Path(UnitResource.PATH)
@Authenticated
public class UnitResource {

    static final String PATH = "/api/catalog/units";

    private final ManagingUnits units;
    private final CurrentCaller caller;

    public UnitResource(ManagingUnits units, CurrentCaller caller) {
        this.units = units;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a unit in an area of the organization (manager)")
    public Uni<Response> create(@Valid @NotNull CreateUnitRequest request) {
        // @KnownUnitType has already refused unknown types with a 400.
        UnitType type = UnitType.fromWire(request.type()).orElseThrow();
        return units.create(caller.get(), request.areaId(), request.name(), type, request.description())
                .map(unit -> Response.created(URI.create(PATH + "/" + unit.id)).entity(UnitView.of(unit)).build());
    }

    @GET
    @Operation(summary = "List the organization's live units, optionally of one area and/or site")
    public Uni<List<UnitView>> list(@QueryParam("areaId") String areaId, @QueryParam("siteId") String siteId) {
        return units.list(caller.get(), QueryIds.optional("areaId", areaId), QueryIds.optional("siteId", siteId))
                .map(list -> list.stream().map(UnitView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one live unit of the organization")
    public Uni<UnitView> get(@PathParam("id") UUID id) {
        return units.get(caller.get(), id).map(UnitView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a unit (manager); other services learn of it from the catalog topic")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return units.delete(caller.get(), id).map(ignored -> Response.noContent().build());
    }
}
