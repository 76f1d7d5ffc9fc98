package dev.frostline.telemetry.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.frostline.support.messaging.KafkaSender.JsonRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch is committed whole or not at all, whatever fails on the way. */
class TransactionLaneTest {

    private static final List<JsonRecord> BATCH = List.of(new JsonRecord("readings", "unit-1", "{\"n\":1}"),
            new JsonRecord("readings", "unit-1", "{\"n\":2}"), new JsonRecord("readings", "unit-2", "{\"n\":3}"));

    private final List<MockProducer<String, String>> producers = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private boolean autoComplete = true;
    private TransactionLane lane;

    private TransactionLane lane() {
        lane = new TransactionLane("test-lane", () -> {
            MockProducer<String, String> producer = new MockProducer<>(autoComplete, null, new StringSerializer(),
                    new StringSerializer());
            producers.add(producer);
            return producer;
        }, clock);
        return lane;
    }

    @AfterEach
    void closeLane() {
        if (lane != null) {
            lane.close();
        }
    }

    private Instant inTenSeconds() {
        return clock.instant().plusSeconds(10);
    }

    private static void completed(CompletableFuture<Void> published) throws Exception {
        published.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBatchIsSentInOrderAndCommittedInOneTransaction() throws Exception {
        completed(lane().publish(BATCH, inTenSeconds()));

        MockProducer<String, String> producer = producers.get(0);
        assertThat(producer.transactionInitialized()).isTrue();
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.history()).extracting(record -> record.value())
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    /** Starts a first batch and holds it unacknowledged, so the next two queue behind it. */
    private List<CompletableFuture<Void>> twoQueuedBehindAHeldTransaction() {
        autoComplete = false;
        CompletableFuture<Void> first = lane().publish(BATCH, inTenSeconds());
        await().atMost(Duration.ofSeconds(5)).until(() -> !producers.isEmpty() && producers.get(0).uncommittedRecords().size() == 3);
        List<CompletableFuture<Void>> queued = List.of(lane.publish(BATCH, inTenSeconds()), lane.publish(BATCH, inTenSeconds()));
        MockProducer<String, String> producer = producers.get(0);
        for (int i = 0; i < 3; i++) {
            producer.completeNext();
        }
        await().atMost(Duration.ofSeconds(5)).until(first::isDone);
        assertThat(first).isCompleted();
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.uncommittedRecords().size() == 6);
        return queued;
    }

    @Test
    void requestsQueuedDuringATransactionShareTheNextOne() throws Exception {
        List<CompletableFuture<Void>> queued = twoQueuedBehindAHeldTransaction();
        MockProducer<String, String> producer = producers.get(0);
        for (int i = 0; i < 6; i++) {
            producer.completeNext();
        }
        for (CompletableFuture<Void> published : queued) {
            completed(published);
        }

        assertThat(producer.commitCount()).isEqualTo(2);
        assertThat(producer.history()).hasSize(9);
    }

    @Test
    void aFailedGroupFailsEveryRequestInItAndCommitsNoneOfThem() {
        List<CompletableFuture<Void>> queued = twoQueuedBehindAHeldTransaction();
        MockProducer<String, String> producer = producers.get(0);
        producer.completeNext();
        producer.errorNext(new NetworkException("broker went away"));

        for (CompletableFuture<Void> published : queued) {
            assertThatThrownBy(() -> completed(published)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(NetworkException.class);
        }
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history()).hasSize(3);
    }

    @Test
    void aFailedSendAbortsTheTransactionAndTheLaneGoesOn() throws Exception {
        autoComplete = false;
        CompletableFuture<Void> published = lane().publish(BATCH, inTenSeconds());
        await().atMost(Duration.ofSeconds(5)).until(() -> !producers.isEmpty() && producers.get(0).uncommittedRecords().size() == 3);
        MockProducer<String, String> producer = producers.get(0);
        producer.completeNext();
        producer.errorNext(new NetworkException("broker went away"));

        assertThatThrownBy(() -> completed(published)).hasCauseInstanceOf(NetworkException.class);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.transactionCommitted()).isFalse();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void sendsAcknowledgedOnlyAfterTheDeadlineAreAbortedNotCommitted() throws Exception {
        autoComplete = false;
        CompletableFuture<Void> published = lane().publish(BATCH, clock.instant().plusSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> !producers.isEmpty() && producers.get(0).uncommittedRecords().size() == 3);
        clock.advance(Duration.ofSeconds(6));
        MockProducer<String, String> producer = producers.get(0);
        while (producer.completeNext()) {
            // acknowledge every send
        }

        assertThatThrownBy(() -> completed(published)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.transactionCommitted()).isFalse();
    }

    @Test
    void aBatchStillWaitingForTheLaneAtItsDeadlineIsNeverStarted() {
        CompletableFuture<Void> published = lane().publish(BATCH, clock.instant().minusMillis(1));

        assertThatThrownBy(() -> completed(published)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(producers).isEmpty();
    }

    @Test
    void aFailedCommitReplacesTheProducerWhoseSuccessorSettlesTheTransaction() throws Exception {
        TransactionLane lane = lane();
        AtomicReference<MockProducer<String, String>> first = new AtomicReference<>();
        completed(lane.publish(BATCH.subList(0, 1), inTenSeconds()));
        first.set(producers.get(0));
        first.get().commitTransactionException = new TimeoutException("commit timed out");

        assertThatThrownBy(() -> completed(lane.publish(BATCH, inTenSeconds())))
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(first.get().closed()).isTrue();

        completed(lane.publish(BATCH, inTenSeconds()));
        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).transactionInitialized()).isTrue();
        assertThat(producers.get(1).transactionCommitted()).isTrue();
    }

    @Test
    void aFencedProducerIsReplacedAndTheNextBatchIsCommitted() throws Exception {
        TransactionLane lane = lane();
        completed(lane.publish(BATCH.subList(0, 1), inTenSeconds()));
        producers.get(0).beginTransactionException = new ProducerFencedException("another instance took the ID");

        assertThatThrownBy(() -> completed(lane.publish(BATCH, inTenSeconds())))
                .hasCauseInstanceOf(ProducerFencedException.class);
        completed(lane.publish(BATCH, inTenSeconds()));

        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).history()).hasSize(3);
    }

    @Test
    void aProducerThatCannotInitializeFailsTheBatchAndIsRetriedForTheNext() throws Exception {
        TransactionLane lane = new TransactionLane("test-lane", () -> {
            MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
                    new StringSerializer());
            if (producers.isEmpty()) {
                producer.initTransactionException = new TimeoutException("no broker");
            }
            producers.add(producer);
            return producer;
        }, clock);
        this.lane = lane;

        assertThatThrownBy(() -> completed(lane.publish(BATCH, inTenSeconds()))).hasCauseInstanceOf(TimeoutException.class);
        completed(lane.publish(BATCH, inTenSeconds()));

        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).transactionCommitted()).isTrue();
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
