package dev.frostline.catalog.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitDescriptionTest {

    @Test
    void absentOrBlankDescriptionIsStoredAsNone() {
        assertThat(UnitDescription.normalize(null)).isNull();
        assertThat(UnitDescription.normalize("   ")).isNull();
        assertThat(UnitDescription.normalize(" left of the door ")).isEqualTo("left of the door");
    }

    @Test
    void overLongDescriptionIsInvalid() {
        assertThat(UnitDescription.isValid("d".repeat(UnitDescription.MAX_LENGTH))).isTrue();
        assertThat(UnitDescription.isValid("d".repeat(UnitDescription.MAX_LENGTH + 1))).isFalse();
    }
}
