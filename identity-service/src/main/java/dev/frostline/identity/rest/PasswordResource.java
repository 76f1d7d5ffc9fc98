package dev.frostline.identity.rest;

import dev.frostline.identity.service.ChangingPassword;
import dev.frostline.identity.service.ResettingPassword;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/identity/password")
public class PasswordResource {

    private final ChangingPassword changingPassword;
    private final ResettingPassword resettingPassword;

    @Inject
    CurrentCaller caller;

    public PasswordResource(ChangingPassword changingPassword, ResettingPassword resettingPassword) {
        this.changingPassword = changingPassword;
        this.resettingPassword = resettingPassword;
    }

    @POST
    @Authenticated
    @Operation(summary = "Change the password (needs the current one). Ends every session at its next refresh, "
            + "this one's included: sign in again once the access token expires")
    public Uni<Void> change(@Valid @NotNull ChangePasswordRequest request) {
        return changingPassword.change(caller.get(), request.currentPassword(), request.newPassword());
    }

    @POST
    @Path("/reset-requests")
    @PermitAll
    @Operation(summary = "Mail a password reset link; answers 202 alike whether or not the email has an account")
    public Uni<Response> requestReset(@Valid @NotNull PasswordResetRequest request) {
        return resettingPassword.request(request.email())
                .map(ignored -> Response.accepted(ResetRequestedResponse.INSTANCE).build());
    }

    @POST
    @Path("/resets")
    @PermitAll
    @Operation(summary = "Set a new password with the token of a reset mail (single use); ends every session")
    public Uni<Void> reset(@Valid @NotNull ResetPasswordRequest request) {
        return resettingPassword.reset(request.token(), request.newPassword());
    }
}
