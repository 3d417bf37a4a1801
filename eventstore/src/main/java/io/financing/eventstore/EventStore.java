package io.financing.eventstore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Streams of events, each written only at the version its writer expects. Every method runs in the
 * caller's transaction when there is one; alone, each write is atomic on its own.
 */
public interface EventStore {

    /**
     * Starts a stream with its first events (versions 1..n).
     *
     * @throws StreamAlreadyExistsException if it exists
     * @throws IllegalArgumentException     if {@code events} is empty: a stream is never empty
     */
    List<StoredEvent> create(UUID streamId, String streamType, List<NewEvent> events);

    /**
     * Appends events after {@code expectedVersion}, the version the writer last read.
     *
     * @throws StreamNotFoundException       if the stream does not exist
     * @throws ConcurrencyConflictException  if the stream is not at {@code expectedVersion}
     */
    List<StoredEvent> append(UUID streamId, long expectedVersion, List<NewEvent> events);

    /**
     * Holds the streams against every other writer that holds them this way, until the caller's transaction
     * ends, taking them in one fixed order so that two callers never wait for each other in a circle. A batch
     * that holds the streams it will change loses no race for them to another batch. Writers that do not hold
     * them are still caught by the version check of each write.
     *
     * @return the version of each of the streams that exists, read once they are held: what the batch starts from
     */
    Map<UUID, Long> hold(Collection<UUID> streamIds);

    /**
     * Makes the writes a batch staged, all or none, one per stream in the order of their ids; then its snapshots.
     *
     * @throws ConcurrencyConflictException, StaleTransactionException or StreamAlreadyExistsException for the
     *                                       first stream whose claim failed; then nothing was written
     */
    void write(StagedWrites staged);

    /** The stream's events from {@code fromVersion} on, in order; empty if the stream does not exist. */
    List<StoredEvent> read(UUID streamId, long fromVersion);

    boolean contains(UUID streamId);

    /**
     * Keeps a snapshot of the stream at a version it has reached.
     *
     * @throws SnapshotRejectedException if the stream does not exist or is behind the snapshot's version
     */
    void saveSnapshot(Snapshot snapshot);

    /** The snapshot at the highest version, if any. */
    Optional<Snapshot> latestSnapshot(UUID streamId);
}
