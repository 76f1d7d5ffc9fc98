package dev.frostline.bench;

/**
 * What the platform's ingest is compared with, measured in the same run on the same records: how
 * many of them one client can make durable per second, flat out, without the platform in between.
 */
interface Baseline extends AutoCloseable {

    /** The series name in the report ("kafka", "copy"). */
    String name();

    /** Writes as fast as it can for {@code seconds}; count and rps are records (rows), latencies per write. */
    PhaseResult measure(double seconds, int round) throws Exception;
}
