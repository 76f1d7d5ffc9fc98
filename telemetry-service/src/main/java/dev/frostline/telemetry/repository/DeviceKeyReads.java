package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.apikey.DeviceKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ingest's key lookup, once per request, as plain SQL on the reactive pool rather than an ORM
 * session (which was a large share of telemetry's CPU under the ingest bench). The projection is
 * read every time and never cached, so a revocation holds from the first request after its record
 * is projected. The table is the one in the service's schema, found through the pool's search_path.
 */
@ApplicationScoped
public class DeviceKeyReads {

    // The prefix is unique (V1): at most one row.
    private static final String BY_PREFIX = """
            select key_id, org_id, site_id, secret_hash, revoked from api_key_projection where prefix = $1
            """;

    private final Pool pool;

    public DeviceKeyReads(Pool pool) {
        this.pool = pool;
    }

    /** The key with this prefix, revoked or not, or null when no key has it. */
    public Uni<DeviceKey> findByPrefix(String prefix) {
        return pool.preparedQuery(BY_PREFIX).execute(Tuple.of(prefix)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return null;
            }
            Row row = found.next();
            return new DeviceKey(row.getUUID("key_id"), row.getUUID("org_id"), row.getUUID("site_id"),
                    row.getString("secret_hash"), row.getBoolean("revoked"));
        });
    }
}
