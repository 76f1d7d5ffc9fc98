package dev.frostline.catalog.rest;

import dev.frostline.catalog.hierarchy.CatalogEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;

/** Single-entity answers: every one carries the entity's ETag. */
final class Responses {

    private Responses() {
    }

    static <E extends CatalogEntity> Response created(String collection, E entity, Function<E, ?> view) {
        return Response.created(URI.create(collection + "/" + entity.id)).entity(view.apply(entity))
                .header(HttpHeaders.ETAG, EntityTags.of(entity.version)).build();
    }

    static <E extends CatalogEntity> Response ok(E entity, Function<E, ?> view) {
        return Response.ok(view.apply(entity)).header(HttpHeaders.ETAG, EntityTags.of(entity.version)).build();
    }
}
