package dev.frostline.gateway.problem;

import dev.frostline.contracts.problems.ProblemType;

/** Problem types only the gateway answers with; the shared ones live in {@link ProblemType}. */
public final class GatewayProblems {

    public static final ProblemType UPSTREAM_TIMEOUT =
            new ProblemType("upstream-timeout", "The service did not answer in time", 504);
    public static final ProblemType BAD_GATEWAY =
            new ProblemType("bad-gateway", "The service answered with a broken response", 502);

    public static final ProblemType RATE_LIMITED =
            new ProblemType("rate-limited", "Too many requests", 429);

    private GatewayProblems() {
    }
}
