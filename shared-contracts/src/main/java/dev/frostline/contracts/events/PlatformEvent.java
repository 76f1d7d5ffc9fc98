package dev.frostline.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event on the bus carries: a stable ID (realtime clients resume from it and
 * consumers deduplicate on it), the owning org (tenancy is enforced on it) and when it happened.
 */
public interface PlatformEvent {
    UUID eventId();

    UUID orgId();

    Instant occurredAt();
}
