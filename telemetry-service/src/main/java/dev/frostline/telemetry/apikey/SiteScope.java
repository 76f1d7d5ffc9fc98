package dev.frostline.telemetry.apikey;

import java.util.UUID;

/**
 * Which of its org's units a device key may report for: all of them, or those of one site.
 * Checked on top of org ownership, so a unit outside the scope is refused exactly like a unit of
 * another org: the device learns nothing about units it may not write to.
 */
public record SiteScope(UUID siteId) {

    public static final SiteScope WHOLE_ORG = new SiteScope(null);

    /** @param unitSiteId the site of a unit already known to be live in the key's org; may be null */
    public boolean covers(UUID unitSiteId) {
        return siteId == null || siteId.equals(unitSiteId);
    }
}
