package dev.frostline.identity.rest;

import dev.frostline.identity.service.ManagingApiKeys;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/identity/api-keys")
@Authenticated
public class ApiKeyResource {

    private final ManagingApiKeys apiKeys;

    @Inject
    CurrentCaller caller;

    public ApiKeyResource(ManagingApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @POST
    @Operation(summary = "Create a device API key (admin); the key is in this response and nowhere else",
            description = "With siteId the key may only report for that site's units. 404 when catalog does not "
                    + "know the site in your org; 503 (dependency-unavailable, Retry-After) when catalog cannot "
                    + "confirm it now. Nothing is created in either case.")
    public Uni<Response> create(@Valid @NotNull CreateApiKeyRequest request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return apiKeys.create(caller.get(), request.name(), request.siteId(), authorization)
                .map(created -> Response.status(Response.Status.CREATED)
                        .entity(new CreatedApiKeyResponse(created.key().id, created.key().name,
                                ApiKeyView.visiblePrefix(created.key()), created.secret(), created.key().siteId,
                                created.key().createdAt))
                        .build());
    }

    @GET
    @Operation(summary = "List the organization's API keys (admin)")
    public Uni<List<ApiKeyView>> list() {
        return apiKeys.list(caller.get()).map(keys -> keys.stream().map(ApiKeyView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key (admin); devices using it are refused within seconds")
    public Uni<ApiKeyView> revoke(@PathParam("id") UUID id) {
        return apiKeys.revoke(caller.get(), id).map(ApiKeyView::of);
    }
}
