package dev.frostline.telemetry.service;

import io.quarkus.logging.Log;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The zone in which a unit's local times and days are told: its site's, else UTC. */
public final class SiteTimeZone {

    /** A region ID rather than ZoneOffset.UTC ("Z"), so PostgreSQL reads the same name. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private SiteTimeZone() {
    }

    /**
     * The IANA zone the unit projection holds. Null (a state projected before catalog sent zones) and
     * an unreadable name fall back to UTC: the answer stays correct in UTC rather than failing.
     */
    public static ZoneId of(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            Log.warnf("unit projection holds unknown time zone '%s'; using UTC", timeZone);
            return UTC;
        }
    }
}
