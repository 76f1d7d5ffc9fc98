package dev.frostline.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "frostline.gateway")
public interface GatewayConfig {

    Upstreams upstream();

    /**
     * Which service serves which paths: service name (identity, catalog, ...) to path patterns, "/x/**"
     * for /x and everything under it, anything else exact. Checked at startup by RouteTableParser.
     */
    Map<String, List<String>> routes();

    /** Endpoints reachable without an access token, each "METHOD /exact/path". */
    List<String> publicEndpoints();

    /** Defaults for every upstream; {@link #perUpstream()} may override them for one. */
    Timeouts timeouts();

    /** Exceptions to {@link #timeouts()} and {@link #breaker()} for single upstreams. */
    PerUpstream perUpstream();

    /** Pooled connections the gateway keeps open to each upstream service. */
    int maxConnectionsPerUpstream();

    Jwks jwks();

    AccessTokens accessTokens();

    /**
     * Bearer token for identity's internal endpoints (the revocation feed), shared with identity.
     * Unset: revocation polling is off.
     */
    Optional<String> internalToken();

    Revocations revocations();

    ExternalTokens externalTokens();

    Docs docs();

    Cors cors();

    /** Largest request body accepted for every area but storage (by Content-Length or by counting). */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Largest request body accepted for /api/storage: above storage's own 32M limit, so it decides. */
    @WithDefault("33M")
    MemorySize maxStorageBodySize();

    RateLimits rateLimits();

    Breaker breaker();

    /** Browser access from other origins; answered by the gateway itself. */
    interface Cors {
        /** Exact origins (scheme://host[:port]) allowed, or "*". None: CORS is off. */
        Optional<List<String>> allowedOrigins();

        @WithDefault("GET,POST,PUT,PATCH,DELETE")
        List<String> methods();

        @WithDefault("Authorization,Content-Type,X-Request-Id")
        List<String> headers();

        @WithDefault("X-Request-Id,Retry-After,Location")
        List<String> exposedHeaders();

        @WithDefault("PT1H")
        Duration maxAge();

        @WithDefault("false")
        boolean credentials();
    }

    /** Token buckets, held in memory by each gateway replica: the limits apply per replica. */
    interface RateLimits {
        /** Device ingest (POST /api/telemetry/readings with an X-API-Key), per key. */
        Limit ingest();

        /** Everything else: per JWT subject when authenticated, otherwise per client address. */
        Limit clients();

        /** Upper bound on buckets kept per limit; idle buckets are evicted first. */
        @WithDefault("100000")
        int maxBuckets();

        /** A bucket unused this long is full again and is dropped. */
        @WithDefault("PT5M")
        Duration idleEviction();
    }

    interface Limit {
        /** Burst size: requests allowed at once from a full bucket. */
        double capacity();

        /** Sustained rate: tokens added back per second. */
        double refillPerSecond();
    }

    /** Per-upstream circuit breaker; these are the defaults, {@link #perUpstream()} may override them. */
    interface Breaker {
        /** Consecutive failures (no connection, or no answer in time) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** Failures further apart than this do not add up. */
        @WithDefault("PT30S")
        Duration failureWindow();

        /** How long an open breaker answers 503 at once, before letting one probe through. */
        @WithDefault("PT10S")
        Duration openDuration();
    }

    /** Base URL (scheme, host, port) of every service behind the gateway. */
    interface Upstreams {
        URI identity();

        URI catalog();

        URI telemetry();

        URI alert();

        URI realtime();

        URI storage();
    }

    interface PerUpstream {
        UpstreamOverrides identity();

        UpstreamOverrides catalog();

        UpstreamOverrides telemetry();

        UpstreamOverrides alert();

        UpstreamOverrides realtime();

        UpstreamOverrides storage();
    }

    /**
     * One upstream's own timeouts and breaker settings (say, a longer response timeout for a service
     * that builds reports). Each one left out is the global setting of the same meaning.
     */
    interface UpstreamOverrides {
        Optional<Duration> connectTimeout();

        Optional<Duration> responseTimeout();

        Optional<Integer> breakerFailures();

        Optional<Duration> breakerWindow();

        Optional<Duration> breakerOpen();
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

    interface AccessTokens {
        /**
         * Longest lifetime (exp - iat) accepted. identity issues ~15 min tokens; a token claiming more is
         * refused, so that a revocation needs remembering only this long after it was made.
         */
        @WithDefault("PT20M")
        Duration maxLifetime();

        /**
         * Verified tokens remembered (least recently used dropped first), each until its expiry, so a
         * client's next request skips the signature check. Revocation is still checked every time.
         * 0 turns the cache off.
         */
        @WithDefault("10000")
        int verifiedCacheSize();
    }

    /** The aggregated API documentation under /api/docs. */
    interface Docs {
        /** How long a service's OpenAPI document is reused before it is fetched again. */
        @WithDefault("PT1M")
        Duration cacheTtl();

        /** How long a service whose document could not be had is left out before it is asked again. */
        @WithDefault("PT5S")
        Duration unavailableRetry();
    }

    /** Access tokens of other issuers, exchanged at identity for Frostline ones. */
    interface ExternalTokens {
        /** Off: a token of another issuer is refused like any invalid token. */
        @WithDefault("true")
        boolean enabled();

        /** Exchanges remembered at most (least recently used dropped first). */
        @WithDefault("10000")
        int cacheSize();
    }

    /** How the gateway learns that users were deleted (their tokens are then refused). */
    interface Revocations {
        @WithDefault("PT5S")
        Duration pollInterval();

        /**
         * Each poll asks for what is new since the previous answer's asOf minus this, so a revocation
         * committed just as identity answered is not missed. Overlapping entries are idempotent.
         */
        @WithDefault("PT10S")
        Duration overlap();
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
