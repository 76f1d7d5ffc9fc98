package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.Unit;
import dev.frostline.catalog.hierarchy.UnitType;
import dev.frostline.catalog.service.ManagingUnits;
import dev.frostline.support.problem.ProblemException;
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

@Path(UnitResource.PATH)
@Authenticated
public class UnitResource {

    static final String PATH = "/api/catalog/units";

    private final ManagingUnits units;
    private final CatalogLifecycle lifecycle;
    private final CurrentCaller caller;

    public UnitResource(ManagingUnits units, CatalogLifecycle lifecycle, CurrentCaller caller) {
        this.units = units;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a unit in a live area of the organization (manager)")
    public Uni<Response> create(@Valid @NotNull UnitRequest request) {
        // @KnownUnitType has already refused unknown types with a 400.
        UnitType type = UnitType.fromWire(request.type()).orElseThrow();
        return units.create(caller.get(), request.areaId(), request.name(), type, request.description())
                .map(unit -> Responses.created(PATH, unit, UnitView::of));
    }

    @GET
    @Operation(summary = "List the organization's units, optionally of one area, site and/or type, a page at a time")
    public Uni<PageView<UnitView>> list(@QueryParam("areaId") String areaId, @QueryParam("siteId") String siteId,
            @QueryParam("type") String type, @BeanParam ListParams params) {
        UnitType unitType = type == null || type.isBlank() ? null : UnitType.fromWire(type.strip())
                .orElseThrow(() -> ProblemException.validation("Query parameter 'type' must be one of "
                        + String.join(", ", UnitType.WIRE_VALUES) + "."));
        return lifecycle.list(caller.get(), Unit.class, params.filter("areaId", QueryIds.optional("areaId", areaId),
                "siteId", QueryIds.optional("siteId", siteId), "type", unitType), params.page())
                .map(page -> PageView.of(page, UnitView::of));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a unit's fields (manager); another areaId of the organization moves it. "
            + "Needs If-Match with its ETag (428 without, 412 when stale)")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull UnitRequest request) {
        long expected = EntityTags.expectedVersion(ifMatch);
        UnitType type = UnitType.fromWire(request.type()).orElseThrow();
        return units.update(caller.get(), id, expected, request.areaId(), request.name(), type, request.description())
                .map(unit -> Responses.ok(unit, UnitView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one live unit of the organization, with its ETag")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return lifecycle.get(caller.get(), EntityType.UNIT, Unit.class, id).map(e -> Responses.ok(e, UnitView::of));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Soft-delete a unit (manager); refused with 409 has-live-children while live children remain")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return lifecycle.delete(caller.get(), EntityType.UNIT, Unit.class, id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a deleted unit (manager); refused with 409 parent-deleted while its parent is deleted")
    public Uni<Response> restore(@PathParam("id") UUID id) {
        return lifecycle.restore(caller.get(), EntityType.UNIT, Unit.class, id).map(e -> Responses.ok(e, UnitView::of));
    }
}
