package dev.frostline.alert.rest;

import dev.frostline.alert.escalation.InvalidEscalation;
import dev.frostline.alert.rule.InvalidRule;
import dev.frostline.alert.threshold.InvalidThreshold;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** alert-service's domain exceptions as problem+json; everything else is mapped by service-support. */
public class AlertProblemMappers {

    @ServerExceptionMapper
    public Response invalidThreshold(InvalidThreshold e) {
        return ProblemResponses.of(ProblemType.VALIDATION_FAILED, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidRule(InvalidRule e) {
        return ProblemResponses.of(ProblemType.VALIDATION_FAILED, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidEscalation(InvalidEscalation e) {
        return ProblemResponses.of(ProblemType.VALIDATION_FAILED, e.getMessage());
    }
}
