package dev.frostline.alert.repository;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every write of one engine transaction, collected in memory and flushed by {@link EngineStore#flush}
 * in a fixed order, a few statements whatever the number of readings. Only net changes are kept:
 * a timer scheduled and cancelled within the batch never reaches the table.
 */
public final class ChangeSet {

    public static final String EXCURSION_LANE = "excursion";
    public static final String ESCALATION_LANE = "escalation";
    /** A delete that matches the lane's timer of any generation (escalation timers have just one). */
    public static final long ANY_GENERATION = -1;

    record TimerKey(PairKey pair, String lane) {
    }

    record TimerRow(TimerKey key, long generation, Instant due, UUID orgId, UUID alertId) {
    }

    record TimerDelete(TimerKey key, long generation) {
    }

    final Map<PairKey, StoredState> states = new LinkedHashMap<>();
    final Set<PairKey> deletedStates = new LinkedHashSet<>();
    final List<TimerDelete> timerDeletes = new ArrayList<>();
    final Map<TimerKey, TimerRow> timerUpserts = new LinkedHashMap<>();
    final Map<UUID, AlertRow> insertedAlerts = new LinkedHashMap<>();
    final Map<UUID, AlertRow> updatedAlerts = new LinkedHashMap<>();
    final List<Tuple> timeline = new ArrayList<>();
    final List<Tuple> notifications = new ArrayList<>();
    final List<OutboxRecord> outbox = new ArrayList<>();
    /** The IDs {@link EngineStore#flush} gave the outbox rows, in the order of {@link #outbox}. */
    final List<Long> outboxIds = new ArrayList<>();

    /** How {@link EngineStore#flush} writes {@link #states}. */
    enum StateWrites {
        /** Insert or rewrite every state: the writer holds the rows locked. */
        UPSERT,
        /** Insert new states only, leaving rows another transaction created meanwhile as they are. */
        INSERT_IF_ABSENT,
        /**
         * Write each state only if no other transaction has written it since it was read (the states were
         * read without a lock); otherwise {@link EngineStore#flush} fails with {@link StaleStates}.
         */
        IF_UNCHANGED
    }

    StateWrites stateWrites = StateWrites.UPSERT;

    public void insertStatesOnly() {
        stateWrites = StateWrites.INSERT_IF_ABSENT;
    }

    public void writeStatesIfUnchanged() {
        stateWrites = StateWrites.IF_UNCHANGED;
    }

    public void putState(StoredState state) {
        deletedStates.remove(state.pair());
        states.put(state.pair(), state);
    }

    public void deleteState(PairKey pair) {
        states.remove(pair);
        deletedStates.add(pair);
    }

    public void scheduleTimer(PairKey pair, String lane, long generation, Instant due, UUID orgId, UUID alertId) {
        TimerKey key = new TimerKey(pair, lane);
        timerUpserts.put(key, new TimerRow(key, generation, due, orgId, alertId));
    }

    public void cancelTimer(PairKey pair, String lane, long generation) {
        TimerKey key = new TimerKey(pair, lane);
        TimerRow pending = timerUpserts.get(key);
        if (pending != null && (generation == ANY_GENERATION || pending.generation() == generation)) {
            timerUpserts.remove(key);
        }
        timerDeletes.add(new TimerDelete(key, generation));
    }

    public void insertAlert(AlertRow alert) {
        insertedAlerts.put(alert.id, alert);
    }

    /** The alert changed; inserted ones are simply written with their final values. */
    public void touchAlert(AlertRow alert) {
        if (!insertedAlerts.containsKey(alert.id)) {
            updatedAlerts.put(alert.id, alert);
        }
    }

    public void addTimeline(UUID alertId, Instant at, String entry, Double value, UUID actor, String note) {
        timeline.add(Tuple.tuple().addUUID(alertId).addOffsetDateTime(SqlTimes.utc(at)).addString(entry)
                .addDouble(value).addUUID(actor).addString(note));
    }

    /** A {@code notification_requests} row; its ID is derived, so writing it twice adds nothing. */
    public void addNotification(UUID id, AlertRow alert, String kind, String audience, String subject, JsonObject body,
            Instant createdAt) {
        notifications.add(Tuple.tuple().addUUID(id).addUUID(alert.orgId).addUUID(alert.id).addUUID(alert.siteId)
                .addUUID(alert.unitId).addString(kind).addString(alert.severity.wireName()).addString(audience)
                .addString(subject).addValue(body).addOffsetDateTime(SqlTimes.utc(createdAt)));
    }

    /** An event of the transactional outbox: written with the change, published after commit. */
    public record OutboxRecord(String topic, String key, String payload, OffsetDateTime createdAt) {
    }

    public void addOutbox(String topic, String key, String payload, OffsetDateTime createdAt) {
        outbox.add(new OutboxRecord(topic, key, payload, createdAt));
    }

    /** The outbox events in the order they were written (empty until flushed). */
    public List<OutboxRecord> outboxWritten() {
        return outboxIds.isEmpty() ? List.of() : List.copyOf(outbox);
    }

    /** The row IDs of {@link #outboxWritten()}, same order. */
    public List<Long> outboxIds() {
        return List.copyOf(outboxIds);
    }

    /** The earliest due time among the timers this change set schedules, if it schedules any. */
    public Optional<Instant> earliestTimerDue() {
        Instant earliest = null;
        for (TimerRow timer : timerUpserts.values()) {
            if (earliest == null || timer.due().isBefore(earliest)) {
                earliest = timer.due();
            }
        }
        return Optional.ofNullable(earliest);
    }
}
