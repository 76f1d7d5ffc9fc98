package dev.frostline.support.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The hand-written ISO form agrees with java.time's, character for character and value for value. */
class IsoInstantsPropertyTest {

    /** Year -2000 to 12000: inside and outside the fast path's 0000–9999. */
    private static final long FROM = Instant.parse("-2000-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();

    @Property(tries = 5000)
    void formatsEveryInstantAsInstantToStringDoes(@ForAll("instants") Instant instant) {
        assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }

    @Property(tries = 5000)
    void readsBackWhatItWroteForYearsZeroToNineThousandNineHundredNinetyNine(@ForAll("instants") Instant instant) {
        String text = instant.toString();
        Instant parsed = IsoInstants.parseOrNull(text);
        if (text.startsWith("-") || text.startsWith("+")) {
            assertThat(parsed).isNull();
        } else {
            assertThat(parsed).isEqualTo(instant);
        }
    }

    @Property(tries = 3000)
    void readsAnyNumberOfFractionDigitsAsInstantParseDoes(@ForAll("instants") Instant instant,
            @ForAll @IntRange(min = 1, max = 9) int digits) {
        String whole = IsoInstants.format(Instant.ofEpochSecond(Math.floorMod(instant.getEpochSecond(), TO / 2)));
        String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
        String text = whole.substring(0, 19) + "." + fraction + "Z";

        assertThat(IsoInstants.parseOrNull(text)).isEqualTo(Instant.parse(text));
    }

    /**
     * Any text near the canonical shape (one character replaced, removed or added): what the fast path
     * reads, java.time reads to the same instant; what it leaves alone goes to java.time anyway.
     */
    @Property(tries = 20000)
    void neverReadsATextDifferentlyFromInstantParse(@ForAll("nearlyInstants") String text) {
        Instant fast = IsoInstants.parseOrNull(text);
        if (fast != null) {
            assertThat(fast).isEqualTo(Instant.parse(text));
        }
    }

    @Property(tries = 200)
    void leavesOutOfRangeFieldsToJavaTime(@ForAll("invalidFields") String text) {
        assertThat(IsoInstants.parseOrNull(text)).isNull();
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(n -> n * 1_000_000), Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(Arbitraries.longs().between(FROM, TO), nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<String> nearlyInstants() {
        Arbitrary<Character> symbols = Arbitraries.of('0', '1', '2', '5', '9', '-', ':', '.', 'T', 'Z', 't', 'z',
                '+', ' ', 'x', '/');
        return Combinators.combine(instants(), Arbitraries.integers().between(0, 29), symbols,
                        Arbitraries.integers().between(0, 2))
                .as((instant, position, symbol, edit) -> {
                    StringBuilder text = new StringBuilder(instant.toString());
                    int at = Math.min(position, text.length() - 1);
                    switch (edit) {
                        case 0 -> text.setCharAt(at, symbol);
                        case 1 -> text.deleteCharAt(at);
                        default -> text.insert(at, symbol);
                    }
                    return text.toString();
                });
    }

    @Provide
    Arbitrary<String> invalidFields() {
        return Arbitraries.of("2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-02-30T00:00:00Z",
                "2025-02-29T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-12-31T23:59:60Z",
                "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00+01:00",
                "2026-01-01t00:00:00z", "2026-01-01T00:00:00");
    }
}
