package dev.frostline.catalog.repository;

import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.listing.ListFilter;
import dev.frostline.catalog.listing.Page;
import dev.frostline.catalog.listing.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The API's reads of one entity and of a page of entities, as plain SQL on the reactive pool. They
 * are most of catalog's traffic, and an ORM session per read (open, hydrate into a persistence
 * context, auto-flush, close) was about a third of catalog's CPU under the read-heavy bench
 * (docs/BENCHMARKS.md). What they return is detached: nothing is written back from it. Every query
 * names the org: another org's entity is simply not found.
 */
@ApplicationScoped
public class CatalogReads {

    private final Pool pool;

    public CatalogReads(Pool pool) {
        this.pool = pool;
    }

    /** The entity, live or deleted, or null. */
    public <E extends CatalogEntity> Uni<E> findInOrg(Class<E> type, UUID id, UUID orgId) {
        EntityTable<E> table = EntityTable.of(type);
        String sql = "select " + table.selectList() + " from " + table.table() + " where id = $1 and org_id = $2";
        return pool.preparedQuery(sql).execute(Tuple.of(id, orgId)).map(rows -> {
            var found = rows.iterator();
            return found.hasNext() ? table.read(found.next()) : null;
        });
    }

    public <E extends CatalogEntity> Uni<Page<E>> page(Class<E> type, UUID orgId, ListFilter filter,
            PageRequest request) {
        EntityTable<E> table = EntityTable.of(type);
        List<Object> parameters = new ArrayList<>();
        parameters.add(orgId);
        StringBuilder sql = new StringBuilder("select ").append(table.selectList()).append(" from ")
                .append(table.table()).append(" where org_id = $1 and deleted_at is ")
                .append(filter.deleted() ? "not null" : "null");
        for (Map.Entry<String, Object> equal : filter.equalTo().entrySet()) {
            parameters.add(EntityTable.parameter(equal.getValue()));
            sql.append(" and ").append(table.column(equal.getKey())).append(" = $").append(parameters.size());
        }
        if (filter.namePrefix() != null) {
            parameters.add(filter.namePattern());
            sql.append(" and lower(name) like lower($").append(parameters.size()).append(") escape '!'");
        }
        String key = table.column(request.sort().key().field());
        String direction = request.sort().descending() ? "desc" : "asc";
        if (request.after() != null) {
            String beyond = request.sort().descending() ? "<" : ">";
            parameters.add(request.sort().key().parseKey(request.after().key()));
            int afterKey = parameters.size();
            parameters.add(request.after().id());
            sql.append(" and (").append(key).append(' ').append(beyond).append(" $").append(afterKey)
                    .append(" or (").append(key).append(" = $").append(afterKey).append(" and id ").append(beyond)
                    .append(" $").append(parameters.size()).append("))");
        }
        parameters.add(request.limit() + 1);
        sql.append(" order by ").append(key).append(' ').append(direction).append(", id ").append(direction)
                .append(" limit $").append(parameters.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(rows -> {
            List<E> fetched = new ArrayList<>(rows.size());
            for (Row row : rows) {
                fetched.add(table.read(row));
            }
            return Page.fromOverfetch(fetched, request, row -> CatalogStore.sortKey(row, request), row -> row.id);
        });
    }
}
