package dev.frostline.catalog.listing;

import java.util.List;
import java.util.function.Function;

/** The items of one page and the cursor of the next, null when this is the last. */
public record Page<T>(List<T> items, Cursor next) {

    /**
     * Builds the page from a query that fetched up to {@code limit + 1} rows: the extra row only
     * proves there is a next page.
     */
    public static <T> Page<T> fromOverfetch(List<T> fetched, PageRequest request, Function<T, String> sortKeyOf,
            Function<T, java.util.UUID> idOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, request.limit()));
        T last = items.get(items.size() - 1);
        return new Page<>(items, new Cursor(request.sort().wire(), sortKeyOf.apply(last), idOf.apply(last)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
