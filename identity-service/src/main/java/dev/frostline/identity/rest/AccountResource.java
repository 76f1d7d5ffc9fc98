package dev.frostline.identity.rest;

import dev.frostline.identity.service.DescribingAccount;
import dev.frostline.identity.service.LoggingIn;
import dev.frostline.identity.service.RotatingRefreshTokens;
import dev.frostline.identity.service.SigningUp;
import dev.frostline.support.security.Caller;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/identity")
public class AccountResource {

    private final SigningUp signingUp;
    private final LoggingIn loggingIn;
    private final RotatingRefreshTokens refreshTokens;
    private final DescribingAccount describingAccount;

    @Inject
    CurrentCaller caller;

    public AccountResource(SigningUp signingUp, LoggingIn loggingIn, RotatingRefreshTokens refreshTokens,
            DescribingAccount describingAccount) {
        this.signingUp = signingUp;
        this.loggingIn = loggingIn;
        this.refreshTokens = refreshTokens;
        this.describingAccount = describingAccount;
    }

    @POST
    @Path("/signup")
    @PermitAll
    @Operation(summary = "Create an account and its organization; the caller becomes its owner")
    public Uni<Response> signUp(@Valid @NotNull SignupRequest request) {
        return signingUp.signUp(new SigningUp.Command(request.email(), request.password(), request.displayName(),
                request.organizationName()))
                .map(token -> Response.status(Response.Status.CREATED).entity(TokenResponse.of(token)).build());
    }

    @POST
    @Path("/token")
    @PermitAll
    @Operation(summary = "Exchange email and password for an access token and a refresh token")
    public Uni<TokenResponse> token(@Valid @NotNull TokenRequest request) {
        return loggingIn.logIn(request.email(), request.password(), request.orgId()).map(TokenResponse::of);
    }

    @POST
    @Path("/token/refresh")
    @PermitAll
    @Operation(summary = "Exchange a refresh token (single use) for a new access token and a new refresh token")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshTokenRequest request) {
        return refreshTokens.refresh(request.refreshToken()).map(TokenResponse::of);
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(summary = "Revoke the refresh token's whole family; 204 whether or not the token was known")
    public Uni<Void> logOut(@Valid @NotNull RefreshTokenRequest request) {
        return refreshTokens.logOut(request.refreshToken());
    }

    @POST
    @Path("/token/switch-org")
    @Authenticated
    @Operation(summary = "Start a session in another organization the caller is a member of")
    public Uni<TokenResponse> switchOrg(@Valid @NotNull SwitchOrgRequest request) {
        return refreshTokens.switchOrg(caller.get(), request.orgId()).map(TokenResponse::of);
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller: their account, all their memberships, and the token's active org and role")
    public Uni<MeResponse> me() {
        Caller me = caller.get();
        return describingAccount.describe(me).map(account -> new MeResponse(account.user().id, account.user().email,
                account.user().displayName, me.orgId(), me.role().claimValue(),
                account.memberships().stream().map(MembershipView::of).toList()));
    }
}
