package dev.frostline.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A raw PostgreSQL COPY of the rows telemetry would store for the same readings, into an unlogged
 * table with the readings table's columns, primary key and index, from one connection, as fast as
 * PostgreSQL takes them: each COPY of {@code rowsPerCopy} rows is its own transaction. Unlogged means
 * no WAL, so this is a ceiling for what any persister could reach on this machine, not a target.
 *
 * <p>The table is created when the run starts, emptied before every phase (so every round starts
 * alike) and dropped when the run ends.
 */
final class CopyBaseline implements Baseline {

    private static final String SERIES = "copy";
    static final String TABLE = "public.bench_copy_readings";
    /** Rows are generated and sent in pieces of about this size while PostgreSQL parses the previous ones. */
    private static final int PIECE_BYTES = 64 * 1024;

    private final ReadingRecords records;
    private final int rowsPerCopy;
    private final Connection connection;
    private final CopyManager copies;
    private final Target target;
    private long written;

    CopyBaseline(ReadingsTable.Database database, ReadingRecords records, int rowsPerCopy) throws SQLException {
        if (rowsPerCopy < 1) {
            throw new IllegalArgumentException("--copy-rows must be at least 1");
        }
        this.records = records;
        this.rowsPerCopy = rowsPerCopy;
        this.target = new Target(SERIES, database.jdbcUrl());
        this.connection = database.connect();
        this.copies = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists " + TABLE);
            // The columns, key and index of telemetry-service's V1__readings_and_projections.sql.
            ddl.execute("create unlogged table " + TABLE + " (id uuid primary key, org_id uuid not null, site_id uuid,"
                    + " unit_id uuid not null, metric text not null, value double precision not null,"
                    + " recorded_at timestamptz not null, received_at timestamptz not null)");
            ddl.execute("create index on " + TABLE + " (unit_id, recorded_at desc)");
        }
    }

    @Override
    public String name() {
        return SERIES;
    }

    @Override
    public PhaseResult measure(double seconds, int round) throws SQLException {
        try (Statement truncate = connection.createStatement()) {
            truncate.execute("truncate " + TABLE);
        }
        Phase phase = new Phase(target, List.of(SERIES), 1);
        phase.start();
        long end = System.nanoTime() + Math.round(seconds * 1e9);
        StringBuilder piece = new StringBuilder(PIECE_BYTES + 512);
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            CopyIn copy = copies.copyIn("COPY " + TABLE + " (" + ReadingRecords.COLUMNS + ") FROM STDIN");
            try {
                for (int row = 0; row < rowsPerCopy; row++) {
                    Instant now = ReadingRecords.now();
                    records.appendCopyRow(piece, records.unit(written++), ReadingRecords.randomId(),
                            ReadingRecords.value(), now, now);
                    if (piece.length() >= PIECE_BYTES || row == rowsPerCopy - 1) {
                        byte[] bytes = piece.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        piece.setLength(0);
                    }
                }
                long rows = copy.endCopy();
                phase.success(SERIES, started, System.nanoTime(), rows);
            } catch (SQLException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                phase.error(SERIES, e.getClass().getSimpleName(), System.nanoTime());
            }
        }
        phase.stop();
        phase.drainedOne();
        return phase.results(round).get(0);
    }

    @Override
    public void close() throws SQLException {
        try (Statement drop = connection.createStatement()) {
            drop.execute("drop table if exists " + TABLE);
        } finally {
            connection.close();
        }
    }
}
