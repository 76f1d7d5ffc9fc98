package dev.frostline.catalog.hierarchy;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * A site's time zone: an IANA region ID such as {@code Europe/Berlin}, {@value #DEFAULT} when none is
 * given. Fixed offsets ({@code +02:00}, {@code UTC+2}) are refused although {@link ZoneId} parses them:
 * a site keeps its daylight-saving rules only through a region ID.
 */
public final class SiteTimeZone {

    public static final String DEFAULT = "UTC";

    private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

    private SiteTimeZone() {
    }

    /** The canonical ID of {@code raw}, {@value #DEFAULT} if it is absent or blank, or empty if it is unknown. */
    public static Optional<String> resolve(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(DEFAULT);
        }
        String id = raw.strip();
        return KNOWN.contains(id) ? Optional.of(ZoneId.of(id).getId()) : Optional.empty();
    }

    public static boolean isValid(String raw) {
        return resolve(raw).isPresent();
    }
}
