package dev.frostline.identity.rest;

import dev.frostline.identity.service.ManagingMembers;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Members of the caller's active organization. Changes reach the member's tokens at their next refresh. */
@Path("/api/identity/members")
@Authenticated
public class MemberResource {

    private final ManagingMembers members;

    @Inject
    CurrentCaller caller;

    public MemberResource(ManagingMembers members) {
        this.members = members;
    }

    @GET
    @Operation(summary = "List the organization's members (any member)")
    public Uni<List<MemberView>> list() {
        return members.list(caller.get()).map(list -> list.stream().map(MemberView::of).toList());
    }

    @PUT
    @Path("/{userId}/role")
    @Operation(summary = "Change a member's role (admin; owner and admin roles only by an owner; "
            + "the last owner cannot be demoted)")
    public Uni<MemberView> changeRole(@PathParam("userId") UUID userId, @Valid @NotNull ChangeRoleRequest request) {
        return members.changeRole(caller.get(), userId, RoleNames.parse(request.role())).map(MemberView::of);
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Remove a member (admin; owners and admins only by an owner); removing yourself "
            + "leaves the organization; the last owner cannot leave")
    public Uni<Void> remove(@PathParam("userId") UUID userId) {
        return members.remove(caller.get(), userId);
    }
}
