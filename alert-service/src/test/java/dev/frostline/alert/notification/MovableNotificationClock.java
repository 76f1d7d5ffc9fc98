package dev.frostline.alert.notification;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Replaces the notification clock in @QuarkusTest runs: tests move it past a retry backoff instead
 * of sleeping. It only moves forward, so tests sharing the application never see time run back.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableNotificationClock extends NotificationClock {

    private volatile Duration offset = Duration.ZERO;

    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = offset.plus(by);
    }

    @Override
    public Instant now() {
        return Instant.now().plus(offset);
    }
}
