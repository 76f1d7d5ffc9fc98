package dev.frostline.catalog.rest;

import dev.frostline.catalog.listing.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a list; {@code nextCursor} is null on the last page. */
public record PageView<T>(List<T> items, String nextCursor) {

    static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.next() == null ? null : page.next().encode());
    }
}
