package dev.frostline.identity.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The time that login throttling, signing-key rotation and revocations reason about. A bean, so
 * tests can replace it with a clock they move instead of sleeping through lockouts and delays.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
