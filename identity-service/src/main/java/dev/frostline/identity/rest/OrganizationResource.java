package dev.frostline.identity.rest;

import dev.frostline.identity.service.ManagingOrganizations;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/identity/orgs")
@Authenticated
public class OrganizationResource {

    private final ManagingOrganizations organizations;

    @Inject
    CurrentCaller caller;

    public OrganizationResource(ManagingOrganizations organizations) {
        this.organizations = organizations;
    }

    @POST
    @Operation(summary = "Create an organization; the caller becomes its owner (act in it via token/switch-org)")
    public Uni<Response> create(@Valid @NotNull CreateOrganizationRequest request) {
        return organizations.create(caller.get(), request.name())
                .map(org -> Response.status(Response.Status.CREATED).entity(OrganizationView.of(org)).build());
    }

    @GET
    @Operation(summary = "The caller's organizations, with the caller's role in each")
    public Uni<List<OrganizationView>> list() {
        return organizations.listOf(caller.get().userId()).map(orgs -> orgs.stream().map(OrganizationView::of).toList());
    }
}
