package dev.frostline.catalog.repository;

import dev.frostline.catalog.listing.PageRequest;
import java.util.Map;

/** Appends the keyset condition and the matching order to a query over alias {@code e}. */
final class Keyset {

    private Keyset() {
    }

    static void append(StringBuilder hql, Map<String, Object> parameters, PageRequest request) {
        String key = "e." + request.sort().key().field();
        String direction = request.sort().descending() ? "desc" : "asc";
        if (request.after() != null) {
            String beyond = request.sort().descending() ? "<" : ">";
            hql.append(" and (").append(key).append(' ').append(beyond).append(" :afterKey or (")
                    .append(key).append(" = :afterKey and e.id ").append(beyond).append(" :afterId))");
            parameters.put("afterKey", request.sort().key().parseKey(request.after().key()));
            parameters.put("afterId", request.after().id());
        }
        hql.append(" order by ").append(key).append(' ').append(direction).append(", e.id ").append(direction);
    }
}
