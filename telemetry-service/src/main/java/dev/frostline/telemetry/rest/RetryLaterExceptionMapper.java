package dev.frostline.telemetry.rest;

import dev.frostline.support.problem.ProblemResponses;
import dev.frostline.telemetry.service.RetryLaterException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 503 problem, with the Retry-After header devices back off by. */
public class RetryLaterExceptionMapper {

    @ServerExceptionMapper
    public Response retryLater(RetryLaterException e) {
        return Response.fromResponse(ProblemResponses.of(e.type(), e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }
}
