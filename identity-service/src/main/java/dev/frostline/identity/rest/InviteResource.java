package dev.frostline.identity.rest;

import dev.frostline.identity.service.AcceptingInvites;
import dev.frostline.identity.service.Inviting;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Invitations into the caller's active organization. Accepting has two doors: signed in (the
 * account's email must be the invited one) or, without an account, creating one for that email.
 */
@Path("/api/identity/invites")
public class InviteResource {

    private final Inviting inviting;
    private final AcceptingInvites accepting;

    @Inject
    CurrentCaller caller;

    public InviteResource(Inviting inviting, AcceptingInvites accepting) {
        this.inviting = inviting;
        this.accepting = accepting;
    }

    @POST
    @Authenticated
    @Operation(summary = "Invite someone by email with a role (admin; owner and admin roles only by an owner)")
    public Uni<Response> create(@Valid @NotNull CreateInviteRequest request) {
        return inviting.invite(caller.get(), request.email(), RoleNames.parse(request.role()))
                .map(invite -> Response.status(Response.Status.CREATED).entity(InviteView.of(invite)).build());
    }

    @GET
    @Authenticated
    @Operation(summary = "Pending invites of the organization (admin)")
    public Uni<List<InviteView>> listPending() {
        return inviting.listPending(caller.get()).map(list -> list.stream().map(InviteView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Revoke an invite (admin): its link stops working")
    public Uni<Void> revoke(@PathParam("id") UUID id) {
        return inviting.revoke(caller.get(), id);
    }

    @POST
    @Path("/accept")
    @Authenticated
    @Operation(summary = "Accept an invite as the signed-in user whose email it was sent to; "
            + "answers a new session in the inviting organization")
    public Uni<TokenResponse> accept(@Valid @NotNull AcceptInviteRequest request) {
        return accepting.acceptAsMember(caller.get(), request.token()).map(TokenResponse::of);
    }

    @POST
    @Path("/accept-signup")
    @PermitAll
    @Operation(summary = "Accept an invite by creating an account for the invited email; "
            + "answers a session in the inviting organization")
    public Uni<Response> acceptWithSignup(@Valid @NotNull AcceptInviteWithSignupRequest request) {
        return accepting.acceptWithSignup(request.token(), request.password(), request.displayName())
                .map(tokens -> Response.status(Response.Status.CREATED).entity(TokenResponse.of(tokens)).build());
    }
}
