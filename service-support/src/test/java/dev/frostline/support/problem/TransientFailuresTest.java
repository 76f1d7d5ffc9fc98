package dev.frostline.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aRefusedOrDroppedConnectionIsTransientAlsoWhenWrapped() {
        assertThat(TransientFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailures.isTransient(new CompletionException(
                new IllegalStateException("session failed", ClosedConnectionException.INSTANCE)))).isTrue();
    }

    @Test
    void aConnectionTheDatabaseResetIsTransient() {
        assertThat(TransientFailures.isTransient(new java.net.SocketException("Connection reset"))).isTrue();
        assertThat(TransientFailures.isTransient(new java.io.IOException("Connection reset by peer"))).isTrue();
        assertThat(TransientFailures.isTransient(new java.io.IOException("Stream closed by the client"))).isFalse();
    }

    @Test
    void aKafkaTimeoutIsTransient() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new TimeoutException("metadata")))).isTrue();
    }

    @Test
    void databaseShutdownDeadlockAndSerializationFailuresAreTransient() {
        for (String state : new String[] { "57P01", "57P03", "08006", "53300", "40001", "40P01" }) {
            assertThat(TransientFailures.isTransient(new PgException("failed", "ERROR", state, "detail")))
                    .as(state).isTrue();
        }
    }

    @Test
    void constraintViolationsAndBugsAreNotTransient() {
        assertThat(TransientFailures.isTransient(new PgException("dup", "ERROR", "23505", "detail"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("x", new IllegalArgumentException()))).isFalse();
    }
}
