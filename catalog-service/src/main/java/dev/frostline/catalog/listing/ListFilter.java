package dev.frostline.catalog.listing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of a catalog list: live or deleted items, exact matches on fields (a parent ID, a
 * type) and a case-insensitive name prefix. The org is not here: it is never optional.
 */
public record ListFilter(boolean deleted, Map<String, Object> equalTo, String namePrefix) {

    public ListFilter {
        Map<String, Object> present = new LinkedHashMap<>();
        equalTo.forEach((field, value) -> {
            if (value != null) {
                present.put(field, value);
            }
        });
        equalTo = Map.copyOf(present);
        namePrefix = namePrefix == null || namePrefix.isEmpty() ? null : namePrefix;
    }

    /** The LIKE pattern for the prefix, with '!' as the escape character. */
    public String namePattern() {
        return namePrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
