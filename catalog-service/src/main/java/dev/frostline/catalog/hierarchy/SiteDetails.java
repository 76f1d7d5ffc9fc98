package dev.frostline.catalog.hierarchy;

/**
 * What a caller sets on a site, checked and normalized. The address is one free-text field: sites
 * are in many countries, and nothing in the platform reads its parts. Coordinates are optional but
 * come as a pair.
 *
 * @throws IllegalArgumentException from the constructor when a rule is broken, with a message a
 *     caller can act on
 */
public record SiteDetails(String name, String timeZone, String address, Double latitude, Double longitude) {

    public static final int ADDRESS_MAX_LENGTH = 500;

    public SiteDetails {
        name = CatalogName.normalize(name);
        String zone = timeZone;
        timeZone = SiteTimeZone.resolve(timeZone)
                .orElseThrow(() -> new IllegalArgumentException("timeZone '" + zone + "' is not an IANA time zone ID"));
        address = address == null || address.isBlank() ? null : address.strip();
        if (address != null && address.codePointCount(0, address.length()) > ADDRESS_MAX_LENGTH) {
            throw new IllegalArgumentException("address must be at most " + ADDRESS_MAX_LENGTH + " characters");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude must be given together, or neither");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180");
        }
    }
}
