package dev.frostline.alert.notification.rest;

import dev.frostline.alert.notification.ManagingWebhookEndpoints;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/alerts/notifications/webhooks")
@Authenticated
public class WebhookEndpointResource {

    private final ManagingWebhookEndpoints endpoints;
    private final CurrentCaller caller;

    public WebhookEndpointResource(ManagingWebhookEndpoints endpoints, CurrentCaller caller) {
        this.endpoints = endpoints;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Add a webhook endpoint (admin); the answer holds its signing secret, shown only this once")
    public Uni<Response> create(@Valid @NotNull WebhookEndpointRequest request) {
        return endpoints.create(caller.get(), request.settings())
                .map(created -> Response.created(URI.create("/api/alerts/notifications/webhooks/" + created.endpoint().id()))
                        .entity(WebhookEndpointView.of(created.endpoint(), created.secret())).build());
    }

    @GET
    @Operation(summary = "List the org's webhook endpoints (admin)")
    public Uni<List<WebhookEndpointView>> list() {
        return endpoints.list(caller.get()).map(list -> list.stream().map(WebhookEndpointView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook endpoint (admin)")
    public Uni<WebhookEndpointView> get(@PathParam("id") UUID id) {
        return endpoints.get(caller.get(), id).map(WebhookEndpointView::of);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a webhook endpoint's URL, description, enabled flag and minimum severity (admin)")
    public Uni<WebhookEndpointView> update(@PathParam("id") UUID id, @Valid @NotNull WebhookEndpointRequest request) {
        return endpoints.update(caller.get(), id, request.settings()).map(WebhookEndpointView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook endpoint with its pending deliveries and dead letters (admin)")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return endpoints.delete(caller.get(), id).map(ignored -> Response.noContent().build());
    }
}
