package dev.frostline.identity.rest;

import dev.frostline.identity.service.DeletingAccount;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/identity/account")
@Authenticated
public class AccountDeletionResource {

    private final DeletingAccount deleting;
    private final CurrentCaller caller;

    public AccountDeletionResource(DeletingAccount deleting, CurrentCaller caller) {
        this.deleting = deleting;
        this.caller = caller;
    }

    @DELETE
    @Operation(summary = "Delete the caller's account; their access tokens stop working at once (204)")
    public Uni<Void> delete(@Valid DeleteAccountRequest request) {
        return deleting.delete(caller.get(), request == null ? null : request.password());
    }
}
