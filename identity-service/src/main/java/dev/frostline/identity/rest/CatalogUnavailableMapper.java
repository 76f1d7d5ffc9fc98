package dev.frostline.identity.rest;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.catalog.CatalogUnavailableException;
import dev.frostline.support.problem.ProblemResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A 503 with Retry-After: the request was fine, but a service it depends on could not answer. */
public class CatalogUnavailableMapper {

    public static final ProblemType DEPENDENCY_UNAVAILABLE = new ProblemType("dependency-unavailable",
            "A service this request depends on is unavailable", 503);
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response catalogUnavailable(CatalogUnavailableException e) {
        // The reason (addresses, status codes) stays in the log; the client only learns what to do.
        return Response.fromResponse(ProblemResponses.of(DEPENDENCY_UNAVAILABLE, "catalog-service could not "
                        + "confirm the site right now; nothing was created. Retry in " + RETRY_AFTER_SECONDS + " seconds."))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
