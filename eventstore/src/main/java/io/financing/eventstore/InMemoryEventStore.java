package io.financing.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The event store in memory, for fast tests of code that uses one: same contract as
 * {@link PostgresEventStore}, no durability, no transactions (each call is atomic on its own).
 */
public final class InMemoryEventStore implements EventStore {

    private final Map<UUID, List<StoredEvent>> streams = new HashMap<>();
    private final Map<UUID, List<Snapshot>> snapshots = new HashMap<>();
    private long position;

    @Override
    public synchronized List<StoredEvent> create(UUID streamId, String streamType, List<NewEvent> events) {
        requireEvents(events);
        if (streams.containsKey(streamId)) {
            throw new StreamAlreadyExistsException(streamId);
        }
        streams.put(streamId, new ArrayList<>());
        return add(streamId, streamType, events);
    }

    @Override
    public synchronized List<StoredEvent> append(UUID streamId, long expectedVersion, List<NewEvent> events) {
        requireEvents(events);
        List<StoredEvent> stream = streams.get(streamId);
        if (stream == null) {
            throw new StreamNotFoundException(streamId);
        }
        if (stream.size() != expectedVersion) {
            throw new ConcurrencyConflictException(streamId, expectedVersion, stream.size());
        }
        return add(streamId, stream.get(0).streamType(), events);
    }

    private List<StoredEvent> add(UUID streamId, String streamType, List<NewEvent> events) {
        List<StoredEvent> stream = streams.get(streamId);
        long transaction = ++position;
        List<StoredEvent> stored = IntStream.range(0, events.size()).mapToObj(n -> {
            NewEvent event = events.get(n);
            return new StoredEvent(++position, transaction, event.eventId(), streamId, streamType,
                    stream.size() + n + 1, event.name(), event.data(), event.metadata(), event.occurredAt());
        }).toList();
        stream.addAll(stored);
        return stored;
    }

    /** Nothing to hold: without transactions, no writer is ever between a read and a write of another. */
    @Override
    public synchronized Map<UUID, Long> hold(Collection<UUID> streamIds) {
        Map<UUID, Long> versions = new HashMap<>();
        streamIds.stream().filter(streams::containsKey)
                .forEach(id -> versions.put(id, (long) streams.get(id).size()));
        return versions;
    }

    /** Checks every claim before it writes anything: all or none, as a rolled-back transaction would leave it. */
    @Override
    public synchronized void write(StagedWrites staged) {
        List<StreamWrites.Write> writes = staged.writes();
        for (StreamWrites.Write write : writes) {
            List<StoredEvent> stream = streams.get(write.streamId());
            if (write.creates() && stream != null) {
                throw new StreamAlreadyExistsException(write.streamId());
            }
            if (!write.creates() && stream == null) {
                throw new StreamNotFoundException(write.streamId());
            }
            if (!write.creates() && stream.size() != write.expectedVersion()) {
                throw new ConcurrencyConflictException(write.streamId(), write.expectedVersion(), stream.size());
            }
        }
        writes.forEach(write -> {
            if (write.creates()) {
                create(write.streamId(), write.streamType(), write.events());
            } else {
                append(write.streamId(), write.expectedVersion(), write.events());
            }
        });
        staged.snapshots().forEach(this::saveSnapshot);
    }

    @Override
    public synchronized List<StoredEvent> read(UUID streamId, long fromVersion) {
        return streams.getOrDefault(streamId, List.of()).stream()
                .filter(event -> event.version() >= fromVersion)
                .toList();
    }

    @Override
    public synchronized boolean contains(UUID streamId) {
        return streams.containsKey(streamId);
    }

    @Override
    public synchronized void saveSnapshot(Snapshot snapshot) {
        List<StoredEvent> stream = streams.get(snapshot.streamId());
        if (stream == null) {
            throw new SnapshotRejectedException("Stream " + snapshot.streamId() + " does not exist");
        }
        if (snapshot.version() > stream.size()) {
            throw new SnapshotRejectedException("Stream " + snapshot.streamId() + " is at version " + stream.size()
                    + ", behind a snapshot at version " + snapshot.version());
        }
        snapshots.computeIfAbsent(snapshot.streamId(), id -> new ArrayList<>()).add(snapshot);
    }

    @Override
    public synchronized Optional<Snapshot> latestSnapshot(UUID streamId) {
        return snapshots.getOrDefault(streamId, List.of()).stream().max(Comparator.comparingLong(Snapshot::version));
    }

    /** Every event of every stream, in the order they were written. */
    public synchronized List<StoredEvent> all() {
        return streams.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparingLong(StoredEvent::position))
                .toList();
    }

    private static void requireEvents(List<NewEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("No events to write: a stream never has an empty change");
        }
    }
}
