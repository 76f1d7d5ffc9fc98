package dev.frostline.catalog.rest;

/** The replacement (PUT) of an entity whose only changeable field is its name: areas and gateways. */
public record NameRequest(@ValidName String name) {
}
