package dev.frostline.support.problem;

import dev.frostline.contracts.problems.Problem;
import dev.frostline.contracts.problems.ProblemType;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the only place that knows the media type and document shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail) {
        return of(type, detail, null);
    }

    public static Response of(ProblemType type, String detail, List<Map<String, Object>> errors) {
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, null, errors))
                .build();
    }
}
