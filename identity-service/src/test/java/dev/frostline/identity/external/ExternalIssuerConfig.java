package dev.frostline.identity.external;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Configures three external issuers whose JWKS a {@link TestIssuer} serves on a free port. The
 * server itself is started by the test (it holds the keys); identity fetches the JWKS lazily, on
 * the first exchange.
 */
public class ExternalIssuerConfig implements QuarkusTestResourceLifecycleManager {

    /** Like Supabase: audience, org and role in app_metadata, role mapping, provisioning. */
    public static final String ACME = "https://acme.supabase.test/auth/v1";
    /** Like Keycloak: no audience check, same org claim path. */
    public static final String OTHER = "https://keycloak.other.test/realms/cold";
    /** Provisioning turned off. */
    public static final String CLOSED = "https://closed.test";
    public static final String AUDIENCE = "authenticated";
    public static final String PORT_PROPERTY = "frostline.test.external-issuer-port";

    @Override
    public Map<String, String> start() {
        int port = freePort();
        String jwks = "http://127.0.0.1:" + port + TestIssuer.JWKS_PATH;
        Map<String, String> config = new HashMap<>();
        config.put(PORT_PROPERTY, String.valueOf(port));
        issuer(config, "acme", ACME, jwks);
        config.put(p("acme", "audience"), AUDIENCE);
        config.put(p("acme", "claims.org-name"), "app_metadata.org_name");
        config.put(p("acme", "role-mapping.fleet_manager"), "manager");
        config.put(p("acme", "role-mapping.org_admin"), "admin");
        issuer(config, "other", OTHER, jwks);
        issuer(config, "closed", CLOSED, jwks);
        config.put(p("closed", "provision"), "false");
        // An unknown kid refetches at once, so the rotation test needs no waiting.
        config.put("frostline.identity.external.jwks-min-refresh-interval", "PT0S");
        return config;
    }

    private static void issuer(Map<String, String> config, String name, String iss, String jwks) {
        config.put(p(name, "issuer"), iss);
        config.put(p(name, "jwks-url"), jwks);
        config.put(p(name, "claims.org"), "app_metadata.org_id");
        config.put(p(name, "claims.role"), "app_metadata.role");
    }

    private static String p(String name, String field) {
        return "frostline.identity.external.issuers." + name + "." + field;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
