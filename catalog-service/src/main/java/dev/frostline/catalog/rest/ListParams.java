package dev.frostline.catalog.rest;

import dev.frostline.catalog.listing.ListFilter;
import dev.frostline.catalog.listing.ListSort;
import dev.frostline.catalog.listing.PageRequest;
import dev.frostline.support.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every catalog list takes. Parsed here so a bad value is a 400, never a 404. */
public class ListParams {

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page, unchanged")
    public String cursor;

    @QueryParam("limit")
    @Parameter(description = "Items per page, 1 to 200; default 50")
    public String limit;

    @QueryParam("sort")
    @Parameter(description = "name or createdAt, '-' in front for descending; default createdAt")
    public String sort;

    @QueryParam("namePrefix")
    @Parameter(description = "Only items whose name starts with this, ignoring case")
    public String namePrefix;

    @QueryParam("deleted")
    @Parameter(description = "true lists only soft-deleted items (to restore them); default false, live items")
    public String deleted;

    PageRequest page() {
        return Inputs.valid(() -> PageRequest.parse(sort, limit, cursor, ListSort.entitySortKeys()));
    }

    /** @param fieldsAndValues entity field names and the values they must equal; null values filter nothing */
    ListFilter filter(Object... fieldsAndValues) {
        Map<String, Object> equalTo = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            equalTo.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new ListFilter(deletedFlag(), equalTo, namePrefix);
    }

    private boolean deletedFlag() {
        if (deleted == null || deleted.isBlank() || deleted.strip().equals("false")) {
            return false;
        }
        if (deleted.strip().equals("true")) {
            return true;
        }
        throw ProblemException.validation("Query parameter 'deleted' must be true or false.");
    }
}
