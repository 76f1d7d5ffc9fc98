package dev.frostline.support.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an ID: the {@code X-Request-Id} the gateway (or any client) sent, or a new
 * one. It is put in the logging MDC as {@code requestId}, so every log line written while serving the
 * request carries it (JSON logs include the MDC; the access log prints it), echoed on the response, and
 * written into the request's own headers so code further in sees the same value.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Refuse to log arbitrary client bytes: a sane ID is short and plain. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.response().headers().set(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.addEndHandler(ignored -> MDC.remove(MDC_KEY));
            rc.next();
        });
    }

    static String accept(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
