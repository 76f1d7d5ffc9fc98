package dev.frostline.catalog.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final List<SortKey> SORTS = ListSort.entitySortKeys();

    @Test
    void defaultsAreOldestFirstFiftyAtATimeFromTheStart() {
        PageRequest request = PageRequest.parse(null, null, null, SORTS);
        assertThat(request.sort()).isEqualTo(new ListSort(SortKey.CREATED_AT, false));
        assertThat(request.limit()).isEqualTo(50);
        assertThat(request.after()).isNull();
    }

    @Test
    void sortIsAFieldWithAnOptionalMinusForDescending() {
        assertThat(ListSort.parse("-name", SORTS)).isEqualTo(new ListSort(SortKey.NAME, true));
        assertThat(ListSort.parse("createdAt", SORTS).wire()).isEqualTo("createdAt");
        assertThatThrownBy(() -> ListSort.parse("occurredAt", SORTS)).hasMessageContaining("name, createdAt");
        assertThatThrownBy(() -> ListSort.parse("--name", SORTS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitIsOneToTwoHundred() {
        assertThat(PageRequest.parse(null, "200", null, SORTS).limit()).isEqualTo(200);
        assertThat(PageRequest.parse(null, " 1 ", null, SORTS).limit()).isEqualTo(1);
        for (String bad : new String[] { "0", "201", "-5", "many", "1.5" }) {
            assertThatThrownBy(() -> PageRequest.parse(null, bad, null, SORTS)).hasMessageContaining("1 to 200");
        }
    }

    @Test
    void aCursorRoundTripsAndOnlyFitsItsOwnSort() {
        ListSort byName = new ListSort(SortKey.NAME, false);
        Cursor cursor = new Cursor(byName.wire(), "Walk-in\n2, with a newline", UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode(), byName)).isEqualTo(cursor);
        assertThatThrownBy(() -> Cursor.decode(cursor.encode(), new ListSort(SortKey.NAME, true)))
                .hasMessageContaining("sort=name");
    }

    @Test
    void aTamperedCursorIsRefused() {
        ListSort byCreation = ListSort.DEFAULT;
        Cursor good = new Cursor(byCreation.wire(), Instant.parse("2025-01-01T00:00:00Z").toString(), UUID.randomUUID());
        assertThat(Cursor.decode(good.encode(), byCreation)).isEqualTo(good);
        Cursor badKey = new Cursor(byCreation.wire(), "yesterday", UUID.randomUUID());
        for (String bad : new String[] { "not base64!", badKey.encode(), "", "YWJj" }) {
            assertThatThrownBy(() -> Cursor.decode(bad, byCreation)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theNextCursorPointsAtTheLastItemShownAndOnlyWhenMoreExist() {
        PageRequest request = new PageRequest(new ListSort(SortKey.NAME, false), 2, null);
        List<String> fetched = List.of("a", "b", "c");
        Page<String> page = Page.fromOverfetch(fetched, request, s -> s, s -> UUID.nameUUIDFromBytes(s.getBytes()));
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next().key()).isEqualTo("b");
        assertThat(Page.fromOverfetch(List.of("a", "b"), request, s -> s, s -> UUID.randomUUID()).next()).isNull();
    }

    @Test
    void namePrefixWildcardsAreEscaped() {
        ListFilter filter = new ListFilter(false, java.util.Map.of(), "100%_off!");
        assertThat(filter.namePattern()).isEqualTo("100!%!_off!!%");
        assertThat(new ListFilter(false, java.util.Map.of(), "").namePrefix()).isNull();
    }
}
