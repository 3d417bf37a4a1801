package io.financing.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes held back while a batch of messages is decided, then made together: one statement for every
 * stream the batch changed, in the order of their ids, at the end of the batch's transaction.
 *
 * <p>Why a batch waits to write: one transaction, one round trip and one commit (one flush to disk) serve
 * many messages. Every batch claims its streams in the same order, so two batches that share streams wait
 * for each other at most once, never in a circle (a deadlock). And a transaction takes its id at its first
 * write, here at the very end, so another writer rarely gets ahead of it on a stream
 * ({@link StaleTransactionException}).
 *
 * <p>While the batch runs, an aggregate saved earlier in it loads from the state it was saved with
 * ({@link AggregateRepository}), since the store has not seen it yet. A stream whose claim fails at the end
 * (another writer moved it since the batch read it) fails the whole write: roll back and run the batch again.
 */
public final class StagedWrites {

    private static final ThreadLocal<StagedWrites> CURRENT = new ThreadLocal<>();
    /** PostgreSQL's order of uuids, byte by byte unsigned; Java's compares signed halves. */
    static final Comparator<UUID> IN_THE_DATABASES_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    /** A stream's change in this batch: from the version the batch found it at (0: it creates it). */
    private static final class Change {
        final UUID streamId;
        final String streamType;
        final long expectedVersion;
        final List<NewEvent> events = new ArrayList<>();
        long version;
        Object state;

        Change(UUID streamId, String streamType, long expectedVersion) {
            this.streamId = streamId;
            this.streamType = streamType;
            this.expectedVersion = expectedVersion;
            this.version = expectedVersion;
        }
    }

    /** An aggregate's state as the batch left it, at the version its staged events bring it to. */
    record Staged<S>(long version, S state) {
    }

    private final Map<UUID, Long> held;
    private final Map<UUID, Change> changes = new HashMap<>();
    private final Map<UUID, Snapshot> snapshots = new HashMap<>();

    private StagedWrites(Map<UUID, Long> held) {
        this.held = held;
    }

    /**
     * Runs {@code work} with every write of an aggregate repository (and of {@link #create}) staged, then makes
     * them all, in the caller's transaction. The streams among {@code changing}, those the work will change, are
     * held first ({@link EventStore#hold}): no other batch can move them meanwhile, and an aggregate remembered at
     * the version held needs no read. If {@code work} fails, nothing is written.
     *
     * @throws ConcurrencyConflictException, StaleTransactionException or StreamAlreadyExistsException when a
     *                                       stream's claim fails: run the work again, in a new transaction
     */
    public static <T> T around(EventStore store, Collection<UUID> changing, Supplier<T> work) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("Writes are being staged already: batches do not nest");
        }
        var staged = new StagedWrites(store.hold(changing));
        CURRENT.set(staged);
        T result;
        try {
            result = work.get();
        } finally {
            CURRENT.remove();
        }
        store.write(staged);
        return result;
    }

    /** The writes being staged on this thread, if a batch is running. */
    public static Optional<StagedWrites> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Stages a new stream's first events.
     *
     * @throws StreamAlreadyExistsException if this batch has staged the stream already
     */
    public void create(UUID streamId, String streamType, List<NewEvent> events) {
        if (changes.containsKey(streamId)) {
            throw new StreamAlreadyExistsException(streamId);
        }
        stage(streamId, streamType, 0, events, null);
    }

    /** Stages events after {@code expectedVersion}, leaving the aggregate in {@code state}. */
    void stage(UUID streamId, String streamType, long expectedVersion, List<NewEvent> events, Object state) {
        Change change = changes.computeIfAbsent(streamId, id -> new Change(id, streamType, expectedVersion));
        if (change.version != expectedVersion) {
            throw new ConcurrencyConflictException(streamId, expectedVersion, change.version);
        }
        change.events.addAll(events);
        change.version += events.size();
        change.state = state;
    }

    /** Stages a snapshot, taken once the streams are written. */
    void snapshot(Snapshot snapshot) {
        snapshots.put(snapshot.streamId(), snapshot);
    }

    /** The aggregate's state as this batch left it, if the batch changed it. */
    @SuppressWarnings("unchecked") // a stream holds one aggregate type, whose repository staged this state
    <S> Optional<Staged<S>> staged(UUID streamId) {
        Change change = changes.get(streamId);
        return change == null ? Optional.empty() : Optional.of(new Staged<>(change.version, (S) change.state));
    }

    /** The version of a stream this batch holds, as it was when the batch took hold of it. */
    Optional<Long> heldVersion(UUID streamId) {
        return Optional.ofNullable(held.get(streamId));
    }

    /** The writes, one per stream, in the order of the streams' ids: the order every batch claims them in. */
    List<StreamWrites.Write> writes() {
        return changes.values().stream()
                .sorted(Comparator.comparing((Change change) -> change.streamId, IN_THE_DATABASES_ORDER))
                .map(change -> new StreamWrites.Write(change.streamId, change.expectedVersion == 0 ? change.streamType : null,
                        change.expectedVersion, List.copyOf(change.events)))
                .toList();
    }

    Collection<Snapshot> snapshots() {
        return snapshots.values();
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }
}
