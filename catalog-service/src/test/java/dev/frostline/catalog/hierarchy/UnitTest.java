package dev.frostline.catalog.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnitTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T08:00:00Z");
    private static final Instant DELETED = Instant.parse("2025-01-02T08:00:00Z");

    private static Area area() {
        Site site = Site.create(UUID.randomUUID(), new SiteDetails("Store 7", null, null, null, null), CREATED);
        return Area.createIn(site, "Back room", CREATED);
    }

    @Test
    void unitTakesItsOrgAndSiteFromItsAreaAndStartsAtVersionOne() {
        Area area = area();
        Unit unit = Unit.createIn(area, " Freezer 2 ", UnitType.FREEZER, " ", CREATED);

        assertThat(unit.orgId).isEqualTo(area.orgId);
        assertThat(unit.siteId).isEqualTo(area.siteId);
        assertThat(unit.areaId).isEqualTo(area.id);
        assertThat(unit.name).isEqualTo("Freezer 2");
        assertThat(unit.description).isNull();
        assertThat(unit.version).isEqualTo(1);
        assertThat(unit.isDeleted()).isFalse();
        assertThat(unit.updatedAt).isEqualTo(CREATED);
    }

    @Test
    void deletingMarksTheUnitDeletedAndBumpsItsVersion() {
        Unit unit = Unit.createIn(area(), "Fridge", UnitType.FRIDGE, null, CREATED);

        unit.delete(DELETED);

        assertThat(unit.isDeleted()).isTrue();
        assertThat(unit.deletedAt).isEqualTo(DELETED);
        assertThat(unit.updatedAt).isEqualTo(DELETED);
        assertThat(unit.version).isEqualTo(2);
    }

    @Test
    void aDeletedUnitCannotBeDeletedAgain() {
        Unit unit = Unit.createIn(area(), "Fridge", UnitType.FRIDGE, null, CREATED);
        unit.delete(DELETED);

        assertThatThrownBy(() -> unit.delete(DELETED)).isInstanceOf(IllegalStateException.class);
        assertThat(unit.version).isEqualTo(2);
    }

    @Test
    void siteRefusesAnUnknownTimeZoneEvenIfTheRestLayerIsBypassed() {
        assertThatThrownBy(() -> new SiteDetails("Store", "Mars/Base", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Site.create(UUID.randomUUID(), new SiteDetails("Store", null, null, null, null), CREATED).timeZone)
                .isEqualTo("UTC");
    }
}
