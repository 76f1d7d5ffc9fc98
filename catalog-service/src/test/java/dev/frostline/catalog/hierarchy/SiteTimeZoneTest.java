package dev.frostline.catalog.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteTimeZoneTest {

    @Test
    void missingOrBlankTimeZoneDefaultsToUtc() {
        assertThat(SiteTimeZone.resolve(null)).contains("UTC");
        assertThat(SiteTimeZone.resolve("  ")).contains("UTC");
    }

    @Test
    void ianaRegionIdsAreAccepted() {
        assertThat(SiteTimeZone.resolve("Europe/Berlin")).contains("Europe/Berlin");
        assertThat(SiteTimeZone.resolve(" America/New_York ")).contains("America/New_York");
        assertThat(SiteTimeZone.resolve("UTC")).contains("UTC");
    }

    @Test
    void unknownIdsAndFixedOffsetsAreRefused() {
        assertThat(SiteTimeZone.resolve("Mars/Olympus_Mons")).isEmpty();
        assertThat(SiteTimeZone.resolve("europe/berlin")).isEmpty();
        assertThat(SiteTimeZone.resolve("+02:00")).isEmpty();
        assertThat(SiteTimeZone.resolve("UTC+2")).isEmpty();
        assertThat(SiteTimeZone.isValid("Nowhere")).isFalse();
    }
}
