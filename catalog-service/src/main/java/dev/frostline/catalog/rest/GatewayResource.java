package dev.frostline.catalog.rest;

import dev.frostline.catalog.device.Gateway;
import dev.frostline.catalog.service.ManagingGateways;
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

@Path(GatewayResource.PATH)
@Authenticated
public class GatewayResource {

    static final String PATH = "/api/catalog/gateways";

    private final ManagingGateways gateways;
    private final CatalogLifecycle lifecycle;
    private final CurrentCaller caller;

    public GatewayResource(ManagingGateways gateways, CatalogLifecycle lifecycle, CurrentCaller caller) {
        this.gateways = gateways;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register a LoRaWAN gateway at a live site (admin); an EUI registered anywhere is 409 duplicate-gateway")
    public Uni<Response> create(@Valid @NotNull GatewayRequest request) {
        return gateways.register(caller.get(), request.siteId(), request.name(), request.canonicalEui())
                .map(gateway -> Responses.created(PATH, gateway, GatewayView::of));
    }

    @GET
    @Operation(summary = "List the organization's gateways, optionally of one site, a page at a time")
    public Uni<PageView<GatewayView>> list(@QueryParam("siteId") String siteId, @BeanParam ListParams params) {
        return lifecycle.list(caller.get(), Gateway.class, params.filter("siteId", QueryIds.optional("siteId", siteId)),
                params.page()).map(page -> PageView.of(page, GatewayView::of));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Rename a gateway (admin); needs If-Match with its ETag (428 without, 412 when stale)")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull NameRequest request) {
        long expected = EntityTags.expectedVersion(ifMatch);
        return gateways.update(caller.get(), id, expected, request.name())
                .map(gateway -> Responses.ok(gateway, GatewayView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one live gateway of the organization, with its ETag")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return lifecycle.get(caller.get(), EntityType.GATEWAY, Gateway.class, id).map(e -> Responses.ok(e, GatewayView::of));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Soft-delete a gateway (admin); refused with 409 has-live-children while live children remain")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return lifecycle.delete(caller.get(), EntityType.GATEWAY, Gateway.class, id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a deleted gateway (admin); refused with 409 parent-deleted while its parent is deleted")
    public Uni<Response> restore(@PathParam("id") UUID id) {
        return lifecycle.restore(caller.get(), EntityType.GATEWAY, Gateway.class, id).map(e -> Responses.ok(e, GatewayView::of));
    }
}
