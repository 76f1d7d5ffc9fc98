package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where identity asks catalog-service whether a site belongs to the caller's org. */
@ConfigMapping(prefix = "frostline.catalog-api")
public interface CatalogApiConfig {

    /** Base URL of catalog-service (scheme, host, port); paths are appended as clients call them. */
    URI url();

    /**
     * How long one look-up may take, connection included. Short: an admin is waiting, and a catalog
     * that does not answer in time is reported as unavailable rather than stalling the request.
     */
    @WithDefault("PT2S")
    Duration timeout();
}
