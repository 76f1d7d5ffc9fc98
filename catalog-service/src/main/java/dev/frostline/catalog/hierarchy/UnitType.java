package dev.frostline.catalog.hierarchy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What kind of cold space a unit is. Its wire form (JSON, events, the database) is the lower-case name. */
public enum UnitType {
    FRIDGE, FREEZER, WALK_IN, ROOM, OTHER;

    /** Every wire value, in declaration order, for error messages and docs. */
    public static final List<String> WIRE_VALUES = Arrays.stream(values()).map(UnitType::wire).toList();

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exact match on the wire value: "Fridge" or " fridge" is refused, so there is one spelling of each type. */
    public static Optional<UnitType> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(type -> type.wire().equals(value)).findFirst();
    }
}
