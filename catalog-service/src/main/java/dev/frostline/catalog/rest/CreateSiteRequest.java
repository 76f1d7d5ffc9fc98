package dev.frostline.catalog.rest;

/** {@code timeZone} is optional and defaults to UTC. */
public record CreateSiteRequest(@ValidName String name, @KnownTimeZone String timeZone) {
}
