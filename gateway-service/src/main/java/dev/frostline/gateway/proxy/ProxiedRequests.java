package dev.frostline.gateway.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/** What the proxies need to know about an incoming request, read the same way by both. */
final class ProxiedRequests {

    private ProxiedRequests() {
    }

    /** Path and query exactly as the client sent them (still percent-encoded). */
    static String pathAndQuery(HttpServerRequest in) {
        return in.query() == null ? in.path() : in.path() + "?" + in.query();
    }

    static ForwardedHeaders.Origin origin(HttpServerRequest in) {
        SocketAddress remote = in.remoteAddress();
        HostAndPort authority = in.authority();
        return new ForwardedHeaders.Origin(
                remote == null ? "unknown" : remote.hostAddress(),
                in.scheme() == null ? "http" : in.scheme(),
                authority == null ? in.getHeader(HttpHeaders.HOST) : authority.toString());
    }

    static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        if (in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return true;
        }
        // HTTP/2 frames a body without either header; a request without one has already ended.
        return in.version() == HttpVersion.HTTP_2 && !in.isEnded();
    }
}
