package dev.frostline.identity.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored {@link FailureCount} of one throttle key. */
@Entity
@Table(name = "login_failures")
public class LoginFailure {
    @Id
    @Column(name = "throttle_key")
    public String throttleKey;
    @Column(nullable = false)
    public int failures;
    @Column(name = "first_at", nullable = false)
    public Instant firstAt;
    @Column(name = "last_at", nullable = false)
    public Instant lastAt;
    @Column(name = "locked_until")
    public Instant lockedUntil;

    public FailureCount count() {
        return new FailureCount(failures, firstAt, lastAt, lockedUntil);
    }

    public void set(FailureCount count) {
        failures = count.failures();
        firstAt = count.firstAt();
        lastAt = count.lastAt();
        lockedUntil = count.lockedUntil();
    }
}
