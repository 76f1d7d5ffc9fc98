package dev.frostline.identity.rest;

import dev.frostline.identity.config.OperatorConfig;
import dev.frostline.identity.operator.OperatorToken;
import dev.frostline.identity.service.SigningKeys;
import dev.frostline.identity.signing.KeyRing;
import dev.frostline.identity.signing.KeyTimeline;
import dev.frostline.identity.signing.SigningKey;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operator endpoints for signing keys. Not routed by the gateway; guarded by the operator token. */
@Path("/internal/identity/signing-keys")
@PermitAll
public class SigningKeyResource {

    private final SigningKeys keys;
    private final OperatorToken operatorToken;
    private final Clock clock;

    public SigningKeyResource(SigningKeys keys, OperatorConfig config, Clock clock) {
        this.keys = keys;
        this.operatorToken = new OperatorToken(config.internalToken());
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Every signing key with its state: pending, current, previous or retired")
    public Uni<List<SigningKeyView>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        operatorToken.authorize(authorization);
        return keys.all().map(this::views);
    }

    @POST
    @Path("/rotate")
    @Operation(summary = "Publish a new signing key now; it signs after the propagation delay (201)")
    public Uni<Response> rotate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        operatorToken.authorize(authorization);
        return keys.rotate().chain(created -> keys.all().map(all -> views(all).stream()
                .filter(v -> v.kid().equals(created.kid)).findFirst().orElseThrow()))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    private List<SigningKeyView> views(List<SigningKey> all) {
        Instant now = clock.instant();
        List<KeyTimeline> timelines = all.stream().map(SigningKey::timeline).toList();
        return timelines.stream().map(k -> new SigningKeyView(k.kid(), k.createdAt(), k.activatesAt(), k.retiresAt(),
                k.retiredAt(), KeyRing.state(k, timelines, now).value())).toList();
    }
}
