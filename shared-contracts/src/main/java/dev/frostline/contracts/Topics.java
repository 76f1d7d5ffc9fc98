package dev.frostline.contracts;

import java.util.List;

/**
 * Every Kafka topic of the platform, with its key convention. A service never spells a
 * topic name itself; it refers to these constants (or to the channel config bound to them).
 */
public final class Topics {

    /** {@link dev.frostline.contracts.events.TelemetryEvent}s, keyed by unit ID so each unit keeps its order. */
    public static final String READINGS = "frostline.telemetry.readings.v1";

    /** {@link dev.frostline.contracts.events.AlertEvent}s, keyed by unit ID. */
    public static final String ALERTS = "frostline.alerts.v1";

    /**
     * Compacted: the current {@link dev.frostline.contracts.events.UnitState} of every unit, keyed by unit ID.
     * Consumers rebuild their projection of "which org owns this unit" from it without calling catalog.
     */
    public static final String CATALOG_UNITS = "frostline.catalog.units.v1";

    /**
     * Compacted: the current {@link dev.frostline.contracts.events.SensorState} of every sensor, keyed by
     * sensor ID: sensor to unit, for telemetry's resolution of readings that name a sensor.
     */
    public static final String CATALOG_SENSORS = "frostline.catalog.sensors.v1";

    /**
     * Every catalog write as a {@link dev.frostline.contracts.events.CatalogChanged}, keyed by org ID so
     * that one org's changes keep their order. Not compacted: it is a history, not a state.
     */
    public static final String CATALOG_CHANGES = "frostline.catalog.changes.v1";

    /**
     * Compacted: the current {@link dev.frostline.contracts.events.ApiKeyState} of every device API key,
     * keyed by key ID. telemetry validates keys against its projection of this topic.
     */
    public static final String IDENTITY_API_KEYS = "frostline.identity.api-keys.v1";

    /**
     * Compacted: the current {@link dev.frostline.contracts.events.MemberState} of every membership, keyed
     * {@code orgId:userId} ({@link dev.frostline.contracts.events.MemberState#key()}). alert-service
     * notifies the members of an org from its projection of this topic.
     */
    public static final String IDENTITY_MEMBERS = "frostline.identity.members.v1";

    /**
     * Compacted: {@link dev.frostline.contracts.events.ApiKeyUsed}, when telemetry last accepted readings
     * with a key, keyed by key ID. Only the latest use of a key matters, so compaction keeps the topic
     * at one record per key; identity keeps the greatest time it has seen.
     */
    public static final String API_KEY_USAGE = "frostline.telemetry.api-key-usage.v1";

    /** Partitions of the keyed event topics; sized for a few consumer replicas per group. */
    public static final int DEFAULT_PARTITIONS = 6;

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(READINGS, DEFAULT_PARTITIONS, false),
            new TopicSpec(ALERTS, DEFAULT_PARTITIONS, false),
            new TopicSpec(CATALOG_UNITS, DEFAULT_PARTITIONS, true),
            new TopicSpec(CATALOG_SENSORS, DEFAULT_PARTITIONS, true),
            new TopicSpec(CATALOG_CHANGES, DEFAULT_PARTITIONS, false),
            new TopicSpec(IDENTITY_API_KEYS, DEFAULT_PARTITIONS, true),
            new TopicSpec(IDENTITY_MEMBERS, DEFAULT_PARTITIONS, true),
            new TopicSpec(API_KEY_USAGE, DEFAULT_PARTITIONS, true));

    private Topics() {
    }

    /** How a topic must be created: compacted topics keep the latest value per key forever. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
    }
}
