package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.SiteDetails;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/**
 * A site as created (POST) or replaced (PUT). {@code timeZone} is an IANA ID, UTC when absent;
 * {@code address} is one free-text field; {@code latitude} and {@code longitude} come together or not at all.
 */
public record SiteRequest(
        @ValidName String name,
        @KnownTimeZone String timeZone,
        @Size(max = SiteDetails.ADDRESS_MAX_LENGTH) String address,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    SiteDetails details() {
        return Inputs.valid(() -> new SiteDetails(name, timeZone, address, latitude, longitude));
    }
}
