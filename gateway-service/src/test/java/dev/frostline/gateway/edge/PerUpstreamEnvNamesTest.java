package dev.frostline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-upstream overrides have no line in application.properties: the variable names documented
 * in the README and .env.example must reach the mapping's property names by SmallRye's env rules.
 */
class PerUpstreamEnvNamesTest {

    @Test
    void documentedVariablesResolveToThePerUpstreamProperties() {
        EnvConfigSource env = new EnvConfigSource(Map.of(
                "FROSTLINE_GATEWAY_PER_UPSTREAM_STORAGE_CONNECT_TIMEOUT", "PT1S",
                "FROSTLINE_GATEWAY_PER_UPSTREAM_STORAGE_RESPONSE_TIMEOUT", "PT2M",
                "FROSTLINE_GATEWAY_PER_UPSTREAM_STORAGE_BREAKER_FAILURES", "10",
                "FROSTLINE_GATEWAY_PER_UPSTREAM_STORAGE_BREAKER_WINDOW", "PT1M",
                "FROSTLINE_GATEWAY_PER_UPSTREAM_STORAGE_BREAKER_OPEN", "PT20S"), 300);

        String prefix = "frostline.gateway.per-upstream.storage.";
        assertThat(env.getValue(prefix + "connect-timeout")).isEqualTo("PT1S");
        assertThat(env.getValue(prefix + "response-timeout")).isEqualTo("PT2M");
        assertThat(env.getValue(prefix + "breaker-failures")).isEqualTo("10");
        assertThat(env.getValue(prefix + "breaker-window")).isEqualTo("PT1M");
        assertThat(env.getValue(prefix + "breaker-open")).isEqualTo("PT20S");
        assertThat(env.getValue("frostline.gateway.per-upstream.catalog.response-timeout")).isNull();
    }
}
