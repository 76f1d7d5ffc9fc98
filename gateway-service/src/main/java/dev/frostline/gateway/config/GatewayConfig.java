package dev.frostline.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "frostline.gateway")
public interface GatewayConfig {

    Upstreams upstream();

    Timeouts timeouts();

    /** Pooled connections the gateway keeps open to each upstream service. */
    int maxConnectionsPerUpstream();

    Jwks jwks();

    /** Base URL (scheme, host, port) of every service behind the gateway. */
    interface Upstreams {
        URI identity();

        URI catalog();

        URI telemetry();

        URI alert();

        URI realtime();

        URI storage();
    }

    interface Timeouts {
        /** How long to wait for a connection to an upstream before answering 503. */
        Duration connect();

        /**
         * How long an upstream may stay silent once the request body is sent, before the gateway
         * answers 504 (or cuts a response already under way).
         */
        Duration response();
    }

    interface Jwks {
        /** Where identity-service publishes its signing keys. */
        URI location();

        /** Regular refresh, so a key rotated in is known before its first token arrives. */
        Duration refreshInterval();

        /** Minimum gap between refreshes forced by tokens with an unknown kid. */
        Duration minRefreshInterval();

        /** Retry delay while the keys have never been fetched or the last fetch failed. */
        Duration retryInterval();
    }
}
