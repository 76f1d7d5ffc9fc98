package dev.frostline.identity.rest;

import dev.frostline.identity.service.SigningKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The public keys every service verifies access tokens with (RFC 7517). */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> jwks() {
        // Well below the signing-key propagation delay (2 min), so even a verifier that only
        // honours this header knows a new key before it signs.
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return keys.publicKeys().map(list -> Response.ok(Map.of("keys", list)).cacheControl(cache).build());
    }
}
