package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Other issuers whose access tokens identity exchanges for its own (Supabase Auth, Keycloak, Stack
 * Auth ...). Properties {@code frostline.identity.external.issuers.<name>.*}; in the environment
 * {@code FROSTLINE_EXTERNAL_ISSUER_<NAME>_*} (see {@code external.ExternalIssuerEnvironment}).
 * No issuer configured: every exchange is refused.
 */
@ConfigMapping(prefix = "frostline.identity.external")
public interface ExternalIssuersConfig {

    /** By a name of the operator's choosing, used only in logs. */
    Map<String, Issuer> issuers();

    /** How long a fetched JWKS is trusted before it is fetched again. */
    Duration jwksCacheTtl();

    /**
     * A token with an unknown kid (a freshly rotated key) refetches the JWKS at once, but never more
     * often than this per issuer, so tokens with made-up kids cannot flood the issuer.
     */
    Duration jwksMinRefreshInterval();

    /** How long a JWKS fetch may take before the exchange is refused. */
    Duration jwksFetchTimeout();

    interface Issuer {

        /** The exact {@code iss} of its tokens. */
        String issuer();

        /** Where its public signing keys are published. */
        URI jwksUrl();

        /** Required {@code aud}; absent means tokens of any audience are accepted. */
        Optional<String> audience();

        Claims claims();

        /**
         * External role value to Frostline role (viewer, staff, manager, admin, owner). Values not
         * listed here give {@link #defaultRole()}.
         */
        Map<String, String> roleMapping();

        @WithDefault("viewer")
        String defaultRole();

        /** False: only users and organizations already provisioned may exchange tokens. */
        @WithDefault("true")
        boolean provision();
    }

    /** Where the claims are, as dotted paths into the token's JSON ({@code app_metadata.org_id}). */
    interface Claims {

        @WithDefault("sub")
        String userId();

        @WithDefault("email")
        String email();

        /** The external organization; absent: every user gets an organization of their own. */
        Optional<String> org();

        /** The organization's display name; absent: the org claim value names it. */
        Optional<String> orgName();

        /** The external role (a string or a list of strings); absent: always the default role. */
        Optional<String> role();
    }
}
