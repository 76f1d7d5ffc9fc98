package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.reading.ReadingPartitions;
import dev.frostline.telemetry.reading.ReadingPartitions.Partition;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Creates and drops the monthly partitions of {@code readings} and of its rollups
 * ({@link ReadingPartitions#TABLES}), in the service's schema, each month in both tables together.
 */
@ApplicationScoped
public class ReadingPartitionStore {

    /** What one run changed. */
    public record Change(List<String> created, List<String> dropped) {
    }

    private static final Pattern SAFE_NAME = Pattern.compile("(readings|reading_rollups_15m)_y\\d{4}m\\d{2}");
    /** Serializes the runs of all instances; released with the transaction. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext(current_schema() || '.readings partitions'))";
    private static final String PARTITIONS = """
            select c.relname from pg_inherits i
            join pg_class c on c.oid = i.inhrelid
            join pg_class p on p.oid = i.inhparent
            join pg_namespace n on n.oid = p.relnamespace
            where p.relname in ('readings', 'reading_rollups_15m') and n.nspname = current_schema()
            """;

    private record Missing(String table, Partition partition) {
    }

    private final Pool pool;

    public ReadingPartitionStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * In one transaction: creates each wanted month's partition of every table where it is missing,
     * and drops those {@code expired} picks among the existing partitions of both tables.
     */
    public Uni<Change> maintain(List<Partition> wanted, Function<Set<String>, List<String>> expired) {
        return pool.withTransaction(connection -> connection.query(LOCK).execute()
                .chain(() -> connection.query(PARTITIONS).execute())
                .chain(rows -> {
                    Set<String> existing = new HashSet<>();
                    for (Row row : rows) {
                        existing.add(row.getString(0));
                    }
                    List<Missing> missing = new ArrayList<>();
                    for (Partition partition : wanted) {
                        for (String table : ReadingPartitions.TABLES) {
                            if (!existing.contains(partition.in(table))) {
                                missing.add(new Missing(table, partition));
                            }
                        }
                    }
                    List<String> dropping = expired.apply(existing);
                    return Multi.createFrom().iterable(missing)
                            .onItem().transformToUniAndConcatenate(m -> create(connection, m.table(), m.partition()))
                            .collect().last()
                            .chain(() -> Multi.createFrom().iterable(dropping)
                                    .onItem().transformToUniAndConcatenate(name -> drop(connection, name))
                                    .collect().last())
                            .replaceWith(new Change(missing.stream().map(m -> m.partition().in(m.table())).toList(),
                                    new ArrayList<>(dropping)));
                }));
    }

    /**
     * Created beside the table and attached after the default partition's rows of its month moved
     * into it: a plain CREATE ... PARTITION OF fails while the default holds rows of the range.
     */
    private static Uni<Void> create(SqlConnection connection, String table, Partition partition) {
        String name = safe(partition.in(table));
        String key = table.equals("readings") ? "recorded_at" : "bucket_start";
        Tuple range = Tuple.of(partition.from().atOffset(ZoneOffset.UTC), partition.to().atOffset(ZoneOffset.UTC));
        String attach = "alter table " + table + " attach partition " + name + " for values from ('"
                + partition.from() + "') to ('" + partition.to() + "')";
        return connection.query("create table " + name + " (like " + table + " including defaults including constraints)")
                .execute()
                .chain(() -> connection.preparedQuery("with moved as (delete from " + table + "_default where " + key
                        + " >= $1 and " + key + " < $2 returning *) insert into " + name + " select * from moved")
                        .execute(range))
                .chain(() -> connection.query(attach).execute())
                .replaceWithVoid();
    }

    private static Uni<Void> drop(SqlConnection connection, String name) {
        return connection.query("drop table if exists " + safe(name)).execute().replaceWithVoid();
    }

    /** Partition names are built into DDL, which takes no parameters: only our own pattern passes. */
    private static String safe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a readings or rollups partition name: " + name);
        }
        return name;
    }
}
