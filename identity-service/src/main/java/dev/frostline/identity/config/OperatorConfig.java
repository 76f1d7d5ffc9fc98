package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "frostline.identity.operator")
public interface OperatorConfig {

    /** Bearer secret of /internal/identity/**; unset disables those endpoints. */
    Optional<String> internalToken();
}
