package dev.frostline.catalog.rest;

import dev.frostline.catalog.service.ManagingSites;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path(SiteResource.PATH)
@Authenticated
public class SiteResource {

    static final String PATH = "/api/catalog/sites";

    private final ManagingSites sites;
    private final CurrentCaller caller;

    public SiteResource(ManagingSites sites, CurrentCaller caller) {
        this.sites = sites;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a site (admin); timeZone is an IANA ID and defaults to UTC")
    public Uni<Response> create(@Valid @NotNull CreateSiteRequest request) {
        return sites.create(caller.get(), request.name(), request.timeZone())
                .map(site -> Response.created(URI.create(PATH + "/" + site.id)).entity(SiteView.of(site)).build());
    }

    @GET
    @Operation(summary = "List the organization's sites")
    public Uni<List<SiteView>> list() {
        return sites.list(caller.get()).map(list -> list.stream().map(SiteView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one site of the organization")
    public Uni<SiteView> get(@PathParam("id") UUID id) {
        return sites.get(caller.get(), id).map(SiteView::of);
    }
}
