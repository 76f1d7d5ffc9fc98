package dev.frostline.identity.external;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads the external issuers from environment variables named
 * {@code FROSTLINE_EXTERNAL_ISSUER_<NAME>_<FIELD>} and presents them as
 * {@code frostline.identity.external.issuers.<name>.<field>} properties.
 *
 * <p>Why a config source: an issuer's name is chosen by the operator, and the standard
 * environment-to-property rule cannot tell where a name ends in a variable name, nor spell a map
 * key like {@code service_role}. Here the field is the longest known suffix, the name is what lies
 * between prefix and field, and the role mapping is one variable
 * ({@code ROLE_MAPPING=authenticated=viewer,fleet_manager=manager}) whose entries keep their case.
 */
public class ExternalIssuerEnvironment implements ConfigSource {

    public static final String ENV_PREFIX = "FROSTLINE_EXTERNAL_ISSUER_";
    static final String PROPERTY_PREFIX = "frostline.identity.external.issuers.";
    private static final String ROLE_MAPPING = "role-mapping";
    /** Same ordinal as the environment: it is the environment, under other names. */
    private static final int ORDINAL = 300;

    /** Variable suffix to property; no suffix is the end of another, so the first match is the field. */
    private static final Map<String, String> FIELDS = fields();

    private final Map<String, String> properties;

    public ExternalIssuerEnvironment() {
        this(System.getenv());
    }

    ExternalIssuerEnvironment(Map<String, String> environment) {
        this.properties = Collections.unmodifiableMap(translate(environment));
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "FrostlineExternalIssuerEnvironment";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    static Map<String, String> translate(Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        environment.forEach((variable, value) -> {
            if (!variable.startsWith(ENV_PREFIX)) {
                return;
            }
            String rest = variable.substring(ENV_PREFIX.length());
            for (Map.Entry<String, String> field : FIELDS.entrySet()) {
                String suffix = field.getKey();
                if (rest.length() > suffix.length() && rest.endsWith(suffix)) {
                    String name = rest.substring(0, rest.length() - suffix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
                    String base = PROPERTY_PREFIX + name + ".";
                    if (field.getValue().equals(ROLE_MAPPING)) {
                        roleMapping(value).forEach((external, role) -> out.put(base + ROLE_MAPPING + "." + key(external), role));
                    } else {
                        out.put(base + field.getValue(), value);
                    }
                    return;
                }
            }
        });
        return out;
    }

    /** {@code a=viewer, b=admin}: blanks around entries are ignored, case is kept. */
    static Map<String, String> roleMapping(String value) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                if (!entry.isBlank()) {
                    throw new IllegalArgumentException("role mapping entry '" + entry.trim()
                            + "' is not external=frostline-role");
                }
                continue;
            }
            mapping.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return mapping;
    }

    /** A map key with a dot must be quoted, or it would read as a deeper path. */
    private static String key(String external) {
        return external.indexOf('.') >= 0 ? "\"" + external + "\"" : external;
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_CLAIMS_USER_ID", "claims.user-id");
        fields.put("_CLAIMS_EMAIL", "claims.email");
        fields.put("_CLAIMS_ORG_NAME", "claims.org-name");
        fields.put("_CLAIMS_ORG", "claims.org");
        fields.put("_CLAIMS_ROLE", "claims.role");
        fields.put("_ROLE_MAPPING", ROLE_MAPPING);
        fields.put("_DEFAULT_ROLE", "default-role");
        fields.put("_JWKS_URL", "jwks-url");
        fields.put("_AUDIENCE", "audience");
        fields.put("_PROVISION", "provision");
        fields.put("_ISSUER", "issuer");
        return Collections.unmodifiableMap(fields);
    }
}
