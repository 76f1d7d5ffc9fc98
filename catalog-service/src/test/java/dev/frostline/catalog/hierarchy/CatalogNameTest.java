package dev.frostline.catalog.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogNameTest {

    @Test
    void nameIsStrippedBeforeItIsMeasured() {
        String twoHundred = "x".repeat(CatalogName.MAX_LENGTH);
        assertThat(CatalogName.isValid("  " + twoHundred + "  ")).isTrue();
        assertThat(CatalogName.normalize("  Walk-in 1 \t")).isEqualTo("Walk-in 1");
    }

    @Test
    void blankMissingAndOverLongNamesAreInvalid() {
        assertThat(CatalogName.isValid(null)).isFalse();
        assertThat(CatalogName.isValid("")).isFalse();
        assertThat(CatalogName.isValid(" \t\n")).isFalse();
        assertThat(CatalogName.isValid("x".repeat(CatalogName.MAX_LENGTH + 1))).isFalse();
        assertThatThrownBy(() -> CatalogName.normalize(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Each snowflake is one character but two UTF-16 units, as PostgreSQL's char_length counts it.
        String snowflakes = "\uD83E\uDDCA".repeat(CatalogName.MAX_LENGTH);
        assertThat(snowflakes.length()).isEqualTo(2 * CatalogName.MAX_LENGTH);
        assertThat(CatalogName.isValid(snowflakes)).isTrue();
        assertThat(CatalogName.isValid(snowflakes + "x")).isFalse();
    }
}
