package dev.frostline.identity.rest;

import dev.frostline.identity.service.ExchangingExternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where an access token of an external issuer (Supabase Auth, Keycloak ...) becomes a Frostline one.
 * The gateway calls it for a bearer token whose {@code iss} is not Frostline's and forwards the
 * result upstream; clients may call it too.
 */
@Path("/api/identity/token/exchange")
public class TokenExchangeResource {

    private final ExchangingExternalTokens exchanging;

    public TokenExchangeResource(ExchangingExternalTokens exchanging) {
        this.exchanging = exchanging;
    }

    @POST
    @PermitAll
    @Operation(summary = "Exchange an external issuer's access token for a Frostline access token; "
            + "the user, organization and membership are provisioned on first use")
    public Uni<ExchangedTokenResponse> exchange(@Valid @NotNull TokenExchangeRequest request) {
        return exchanging.exchange(request.subjectToken()).map(ExchangedTokenResponse::of);
    }
}
