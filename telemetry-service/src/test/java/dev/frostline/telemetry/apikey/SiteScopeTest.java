package dev.frostline.telemetry.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SiteScopeTest {

    private static final UUID SITE_A = UUID.randomUUID();
    private static final UUID SITE_B = UUID.randomUUID();

    @Test
    void anOrgWideKeyCoversUnitsOfEverySiteAndUnitsWithoutOne() {
        assertThat(SiteScope.WHOLE_ORG.covers(SITE_A)).isTrue();
        assertThat(SiteScope.WHOLE_ORG.covers(SITE_B)).isTrue();
        assertThat(SiteScope.WHOLE_ORG.covers(null)).isTrue();
    }

    @Test
    void aSiteKeyCoversOnlyUnitsOfItsSite() {
        SiteScope scope = new SiteScope(SITE_A);

        assertThat(scope.covers(SITE_A)).isTrue();
        assertThat(scope.covers(SITE_B)).isFalse();
        assertThat(scope.covers(null)).isFalse();
    }
}
