package dev.frostline.catalog.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitTypeTest {

    @Test
    void wireValuesAreTheLowerCaseNames() {
        assertThat(UnitType.WIRE_VALUES).containsExactly("fridge", "freezer", "walk_in", "room", "other");
        for (UnitType type : UnitType.values()) {
            assertThat(UnitType.fromWire(type.wire())).contains(type);
        }
    }

    @Test
    void onlyTheExactWireSpellingIsAccepted() {
        assertThat(UnitType.fromWire("FRIDGE")).isEmpty();
        assertThat(UnitType.fromWire(" fridge")).isEmpty();
        assertThat(UnitType.fromWire("walk-in")).isEmpty();
        assertThat(UnitType.fromWire("cellar")).isEmpty();
        assertThat(UnitType.fromWire(null)).isEmpty();
    }
}
