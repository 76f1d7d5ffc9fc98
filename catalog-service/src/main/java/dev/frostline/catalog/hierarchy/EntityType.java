package dev.frostline.catalog.hierarchy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of catalog entities and how they hang together: each kind's parent (which must be live
 * and in the same org on every write) and its children (which must all be deleted before it is).
 */
public enum EntityType {
    SITE("Site"), AREA("Area"), UNIT("Unit"), SENSOR("Sensor"), GATEWAY("Gateway");

    /** A kind of child and the field of the child that holds its parent's ID. */
    public record Child(EntityType type, String parentField) {
    }

    private final String label;

    EntityType(String label) {
        this.label = label;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Capitalized, for problem details: "Site 1234 was not found". */
    public String label() {
        return label;
    }

    public static Optional<EntityType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wire().equals(value)).findFirst();
    }

    /** The kind this one lives under; sensors hang on units only while assigned, which is not a parent. */
    public Optional<EntityType> parent() {
        return switch (this) {
            case SITE, SENSOR -> Optional.empty();
            case AREA, GATEWAY -> Optional.of(SITE);
            case UNIT -> Optional.of(AREA);
        };
    }

    /**
     * What blocks a delete. A unit's assigned sensors count as its children: deleting the unit would
     * otherwise leave readings attributed to a unit nobody sees.
     */
    public List<Child> children() {
        return switch (this) {
            case SITE -> List.of(new Child(AREA, "siteId"), new Child(GATEWAY, "siteId"));
            case AREA -> List.of(new Child(UNIT, "areaId"));
            case UNIT -> List.of(new Child(SENSOR, "unitId"));
            case SENSOR, GATEWAY -> List.of();
        };
    }
}
