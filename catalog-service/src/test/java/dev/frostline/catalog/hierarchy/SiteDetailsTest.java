package dev.frostline.catalog.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteDetailsTest {

    @Test
    void detailsAreNormalized() {
        SiteDetails details = new SiteDetails(" Store ", null, "  ", null, null);
        assertThat(details.name()).isEqualTo("Store");
        assertThat(details.timeZone()).isEqualTo("UTC");
        assertThat(details.address()).isNull();
    }

    @Test
    void coordinatesComeAsAPairWithinTheirRanges() {
        assertThat(new SiteDetails("S", "Europe/Berlin", null, -90.0, 180.0).latitude()).isEqualTo(-90.0);
        assertThatThrownBy(() -> new SiteDetails("S", null, null, 10.0, null)).hasMessageContaining("together");
        assertThatThrownBy(() -> new SiteDetails("S", null, null, 90.5, 0.0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new SiteDetails("S", null, null, 0.0, -180.5)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new SiteDetails("S", null, null, Double.NaN, 0.0)).hasMessageContaining("latitude");
    }

    @Test
    void anOverLongAddressOrUnknownZoneIsRefused() {
        assertThatThrownBy(() -> new SiteDetails("S", null, "a".repeat(501), null, null)).hasMessageContaining("address");
        assertThatThrownBy(() -> new SiteDetails("S", "Mars/Base", null, null, null)).hasMessageContaining("timeZone");
    }

    @Test
    void restoreAndDeleteToggleAndBumpTheVersion() {
        Site site = Site.create(java.util.UUID.randomUUID(), new SiteDetails("S", null, null, null, null),
                java.time.Instant.EPOCH);
        site.delete(java.time.Instant.EPOCH);
        assertThatThrownBy(() -> site.delete(java.time.Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
        site.restore(java.time.Instant.EPOCH);
        assertThat(site.isDeleted()).isFalse();
        assertThat(site.version).isEqualTo(3);
        assertThatThrownBy(() -> site.restore(java.time.Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
    }
}
