package dev.frostline.identity.service;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The address of the client behind the current HTTP request. Vert.x has already replaced the
 * socket address with the X-Forwarded-For of a trusted proxy (the gateway), see
 * quarkus.http.proxy.* in service-support.
 */
@ApplicationScoped
public class ClientAddress {

    private final CurrentVertxRequest request;

    public ClientAddress(CurrentVertxRequest request) {
        this.request = request;
    }

    /** null outside an HTTP request */
    public String current() {
        RoutingContext context = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        if (context == null || context.request().remoteAddress() == null) {
            return null;
        }
        return context.request().remoteAddress().hostAddress();
    }
}
