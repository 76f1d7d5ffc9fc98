package dev.frostline.alert.notification;

import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The time the dispatcher and sender reason about: when a delivery is due, when its lease ends, the
 * signed webhook timestamp. A bean of its own, so tests move it past a backoff instead of sleeping.
 */
@Singleton
public class NotificationClock {

    public Instant now() {
        return Instant.now();
    }
}
