package dev.frostline.identity.rest;

import dev.frostline.identity.login.LoginThrottled;
import dev.frostline.support.problem.ProblemResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problems of identity that need more than the shared mapper gives: a header. The most specific
 * mapper wins, so everything else still goes through service-support's ProblemExceptionMappers.
 */
public class IdentityProblemMappers {

    @ServerExceptionMapper
    public Response loginThrottled(LoginThrottled e) {
        return Response.fromResponse(ProblemResponses.of(e.type(), e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }
}
