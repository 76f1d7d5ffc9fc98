package dev.frostline.support.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.SocketException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that will likely pass if the client retries (the database or Kafka is restarting,
 * a connection dropped, a transaction lost a deadlock) from a defect. The former is answered 503 with
 * Retry-After, so clients and devices back off and retry instead of treating it as a bug.
 */
public final class TransientFailures {

    /** What a client should wait before retrying a request that failed transiently. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final int MAX_CAUSES = 16;

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof ClosedConnectionException
                    || cause instanceof RetriableException || isDroppedConnection(cause)) {
                return true;
            }
            if (cause instanceof PgException pg && isTransientSqlState(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /** The JDK reports a peer that reset or closed the socket while writing as a plain IOException. */
    private static boolean isDroppedConnection(Throwable cause) {
        String message = cause.getMessage();
        return cause instanceof IOException && message != null
                && (message.contains("Connection reset") || message.contains("Broken pipe"));
    }

    /**
     * Connection exceptions (08), the server shutting down or starting (57P01..57P03), too many
     * connections or out of resources (53), and a transaction that lost a serialization or deadlock
     * race (40001, 40P01), which the same request wins when it is sent again.
     */
    static boolean isTransientSqlState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03") || sqlState.equals("40001")
                || sqlState.equals("40P01");
    }
}
