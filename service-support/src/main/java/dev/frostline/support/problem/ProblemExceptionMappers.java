package dev.frostline.support.problem;

import dev.frostline.contracts.problems.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every exception a request can end in becomes problem+json here, and only here. Nothing below
 * this line leaks: unknown failures are logged with their stack and answered with a bare 500.
 */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.type(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        return ProblemResponses.of(ProblemType.VALIDATION_FAILED,
                "Unknown field '" + e.getPropertyName() + "'. Remove it; this endpoint accepts only documented fields.");
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return ProblemResponses.of(ProblemType.VALIDATION_FAILED,
                "Field '" + path(e) + "' has an invalid value: " + e.getValue());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String path = path(e);
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, path.isEmpty()
                ? "The request body is missing or is not the expected JSON object."
                : "Field '" + path + "' has the wrong JSON type.");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST,
                "The request body is not valid JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(ProblemExceptionMappers::violation)
                .collect(Collectors.toList());
        String detail = errors.stream().map(m -> m.get("field") + " " + m.get("reason"))
                .collect(Collectors.joining("; "));
        return ProblemResponses.of(ProblemType.VALIDATION_FAILED, detail, errors);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return ProblemResponses.of(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "Your role does not allow this operation.");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ProblemResponses.of(ProblemType.NOT_FOUND, "No resource at this path.");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return ProblemResponses.of(ProblemType.METHOD_NOT_ALLOWED, "This path does not support that method.");
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return ProblemResponses.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // Quarkus REST wraps body-parsing failures; answer them like the unwrapped ones.
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unrecognizedField(cause);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return invalidFormat(cause);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause);
        }
        if (status == 400) {
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, "The request could not be read: " + e.getMessage());
        }
        if (status == 413) {
            return ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit.");
        }
        if (status >= 500) {
            Log.errorf(e, "request failed with %d", status);
            return ProblemResponses.of(ProblemType.INTERNAL, "The request could not be completed.");
        }
        ProblemType type = new ProblemType("http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), status);
        return ProblemResponses.of(type, e.getMessage());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (TransientFailures.isTransient(e)) {
            Log.warnf("request failed transiently, answering 503: %s", e.toString());
            return Response.fromResponse(ProblemResponses.of(ProblemType.SERVICE_UNAVAILABLE,
                    "A dependency of this service is briefly unavailable. Retry in "
                            + TransientFailures.RETRY_AFTER_SECONDS + " seconds."))
                    .header(HttpHeaders.RETRY_AFTER, TransientFailures.RETRY_AFTER_SECONDS)
                    .build();
        }
        Log.error("unhandled request failure", e);
        return ProblemResponses.of(ProblemType.INTERNAL, "The request could not be completed.");
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static Map<String, Object> violation(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // Strip the resource method and parameter names: "create.request.name" -> "name".
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("reason", v.getMessage());
        return m;
    }
}
