package dev.frostline.alert.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The engine's notion of now: when timers are due, when a person acknowledged or resolved. One
 * injectable clock, so tests replace it (an {@code @Alternative}) and never sleep for escalation timing.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
